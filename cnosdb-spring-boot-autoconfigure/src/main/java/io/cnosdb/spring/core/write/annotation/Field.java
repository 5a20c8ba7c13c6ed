package io.cnosdb.spring.core.write.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a field or record component as a CnosDB field. Supported types: {@code long},
 * {@code int}, {@code short}, {@code byte} and their wrappers (BIGINT, {@code i} suffix),
 * {@code double}, {@code float} and their wrappers (DOUBLE),
 * {@code boolean}/{@link Boolean} (BOOLEAN), {@link java.math.BigInteger} (BIGINT
 * UNSIGNED, {@code u} suffix, 0 to 2<sup>64</sup>-1), {@link String}, other
 * {@link CharSequence}s and enums (STRING). A {@code null} value leaves the field out of
 * the point; a point whose fields are all {@code null} is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface Field {

	/** The field key; the Java name when empty. */
	String value() default "";

}
