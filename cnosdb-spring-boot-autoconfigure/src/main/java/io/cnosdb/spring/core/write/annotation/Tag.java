package io.cnosdb.spring.core.write.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a field or record component as a tag. Its type must be {@link String}, another
 * {@link CharSequence} or an enum (written by {@link Enum#name()}). A {@code null} value
 * leaves the tag out of the point, which CnosDB stores as a NULL tag.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface Tag {

	/** The tag key; the Java name when empty. */
	String value() default "";

}
