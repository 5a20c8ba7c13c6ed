package io.cnosdb.spring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a CnosDB test that focuses <strong>only</strong> on CnosDB components,
 * as {@code @DataJdbcTest} does for Spring Data JDBC.
 * <p>
 * Using this annotation only enables the auto-configurations that
 * {@link AutoConfigureCnosDb @AutoConfigureCnosDb} lists: the CnosDB client, template,
 * fluent client and batch writer with the HTTP client, {@code RestClient} and SSL
 * auto-configurations they build on, and service connections. Component scanning finds
 * none of the application's components (its {@code @Component}, {@code @Service} and
 * {@code @Configuration} classes), only those the test names through
 * {@link #includeFilters()}, {@code @Import} or a {@code @TestConfiguration}.
 * <p>
 * The server is the one {@code cnosdb.url} names ({@link #properties()},
 * {@code @DynamicPropertySource}, or the application's configuration files), or a
 * {@code @ServiceConnection} container. With {@link #database() database =
 * Database.THROWAWAY} each test class gets a database of its own, created before its
 * first test and dropped after its last one.
 *
 * @see AutoConfigureCnosDb
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(CnosDbTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(CnosDbTypeExcludeFilter.class)
@AutoConfigureCnosDb
@ImportAutoConfiguration
public @interface CnosDbTest {

	/**
	 * Properties in the form {@literal key=value} that are added to the Spring
	 * {@link Environment} before the test runs, such as {@code cnosdb.url=…}.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Which database the auto-configured template and client address.
	 * @return the database of the test
	 */
	@AliasFor(annotation = AutoConfigureCnosDb.class)
	Database database() default Database.CONFIGURED;

	/**
	 * Whether default filtering is used with
	 * {@link SpringBootApplication @SpringBootApplication}. By default no beans of the
	 * application are included.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters are used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Include filters that add otherwise filtered beans to the application context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * Exclude filters that filter out beans that would otherwise be added to the
	 * application context.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations to leave out for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

	/**
	 * The database that the auto-configured template, client and batch writer of a test
	 * address.
	 */
	enum Database {

		/**
		 * The database the configuration names: {@code cnosdb.database}, by default
		 * {@code public}.
		 */
		CONFIGURED,

		/**
		 * A database of the test class's own, with a name unique to the run
		 * ({@code test_<class>_<random>}): created before the first bean uses the
		 * template, dropped when the test class is done. It overrides
		 * {@code cnosdb.database}, whatever sets it.
		 */
		THROWAWAY

	}

}
