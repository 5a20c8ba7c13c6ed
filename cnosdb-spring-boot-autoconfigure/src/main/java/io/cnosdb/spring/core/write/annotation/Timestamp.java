package io.cnosdb.spring.core.write.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.cnosdb.spring.core.write.CnosPrecision;

/**
 * Writes a field or record component as the point's time. Supported types:
 * {@link java.time.Instant}, {@link java.time.OffsetDateTime},
 * {@link java.time.ZonedDateTime}, and {@code long}/{@link Long} counting
 * {@link #precision()} units since the epoch. A {@code null} value sends the point
 * without a time, so the server stamps it with its clock (allowed only for nanosecond
 * writes). At most one per class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface Timestamp {

	/** The unit of a {@code long} timestamp; ignored for date-time types. */
	CnosPrecision precision() default CnosPrecision.NS;

}
