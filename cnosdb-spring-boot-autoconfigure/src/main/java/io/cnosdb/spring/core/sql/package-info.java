/**
 * SQL text: quoting and checking identifiers, rendering values as literals, and named
 * parameters rendered on the client (CnosDB's HTTP API has no bind parameters).
 */
@NullMarked
package io.cnosdb.spring.core.sql;

import org.jspecify.annotations.NullMarked;
