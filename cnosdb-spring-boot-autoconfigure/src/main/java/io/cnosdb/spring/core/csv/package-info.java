/**
 * Importing a local CSV file into a table as line protocol, one batch in memory at a
 * time.
 */
@NullMarked
package io.cnosdb.spring.core.csv;

import org.jspecify.annotations.NullMarked;
