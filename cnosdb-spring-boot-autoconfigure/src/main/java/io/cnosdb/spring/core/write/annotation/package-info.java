/**
 * Annotations that map classes and records to CnosDB points:
 * {@link io.cnosdb.spring.core.write.annotation.Measurement} on the type,
 * {@link io.cnosdb.spring.core.write.annotation.Tag},
 * {@link io.cnosdb.spring.core.write.annotation.Field} and
 * {@link io.cnosdb.spring.core.write.annotation.Timestamp} on its fields or record
 * components. See {@link io.cnosdb.spring.core.write.PointMapper}.
 */
@NullMarked
package io.cnosdb.spring.core.write.annotation;

import org.jspecify.annotations.NullMarked;
