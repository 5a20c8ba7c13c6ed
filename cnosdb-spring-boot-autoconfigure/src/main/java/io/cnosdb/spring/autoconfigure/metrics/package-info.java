/**
 * Auto-configuration of the metrics export into CnosDB, under
 * {@code management.cnosdb.metrics.export}.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
