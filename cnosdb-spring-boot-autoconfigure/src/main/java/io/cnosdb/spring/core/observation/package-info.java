/**
 * Micrometer observations of the client: the contexts of a request (a statement, a write,
 * a ping) and of a batch of the batch writer, their conventions and default conventions,
 * and the documentation of their names and keys, after OpenTelemetry's database
 * conventions.
 */
@NullMarked
package io.cnosdb.spring.core.observation;

import org.jspecify.annotations.NullMarked;
