/**
 * A batching writer: points buffered in memory and sent in batches on a background
 * thread, with back-off on transient failures and listeners for what could not be
 * written.
 */
@NullMarked
package io.cnosdb.spring.core.batch;

import org.jspecify.annotations.NullMarked;
