package io.cnosdb.spring.test.autoconfigure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A configuration class of the application: left out of a {@code @CnosDbTest}, beans and
 * all.
 */
@Configuration(proxyBeanMethods = false)
public class ExampleApplicationConfiguration {

	@Bean
	ExampleSettings exampleSettings() {
		return new ExampleSettings("air");
	}

	/** A bean of the application's own configuration. */
	public record ExampleSettings(String table) {
	}

}
