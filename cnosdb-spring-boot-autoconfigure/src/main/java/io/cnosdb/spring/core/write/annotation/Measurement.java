package io.cnosdb.spring.core.write.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record whose instances can be written as CnosDB points, and names the
 * measurement (table) they go to. <pre class="code">
 * &#64;Measurement("air")
 * record Air(&#64;Tag String station, &#64;Field double visibility, &#64;Timestamp Instant time) {
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Measurement {

	/** The measurement (table) name; must not be empty. */
	String value();

}
