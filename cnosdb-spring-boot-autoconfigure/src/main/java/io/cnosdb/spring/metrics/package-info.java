/**
 * Exporting an application's Micrometer meters into CnosDB:
 * {@link io.cnosdb.spring.metrics.CnosDbMeterRegistry}, a push registry that writes them
 * as line protocol through a {@link io.cnosdb.spring.core.CnosTemplate}, and its
 * {@link io.cnosdb.spring.metrics.CnosDbRegistryConfig}.
 */
@NullMarked
package io.cnosdb.spring.metrics;

import org.jspecify.annotations.NullMarked;
