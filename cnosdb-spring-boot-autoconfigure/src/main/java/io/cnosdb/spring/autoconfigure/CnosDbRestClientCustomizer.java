package io.cnosdb.spring.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} of the auto-configured CnosDB client only,
 * after its request factory and Spring Boot's own customizers were applied: a place for
 * an interceptor or a header meant for CnosDB and no other HTTP service.
 */
@FunctionalInterface
public interface CnosDbRestClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the CnosDB client
	 */
	void customize(RestClient.Builder builder);

}
