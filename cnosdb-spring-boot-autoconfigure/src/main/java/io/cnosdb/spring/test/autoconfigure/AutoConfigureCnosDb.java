package io.cnosdb.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} of a CnosDB test: the CnosDB
 * client, template, fluent client and batch writer, the SSL, HTTP client and
 * {@code RestClient} auto-configurations they build on, and service connections where
 * {@code spring-boot-testcontainers} is present. Most tests use
 * {@link CnosDbTest @CnosDbTest}; this annotation adds CnosDB to another slice, or a
 * throwaway database to a {@code @SpringBootTest}.
 *
 * @see CnosDbTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureCnosDb {

	/**
	 * Which database the auto-configured template and client address.
	 * @return the database of the test
	 */
	Database database() default Database.CONFIGURED;

}
