package io.cnosdb.spring.autoconfigure;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.util.ClassUtils;

/**
 * Adjusts Spring Boot's request factory builder for CnosDB: Apache HttpClient 5 would resend
 * a statement or write answered 503 or 429 on its own, which is the caller's decision (an
 * INSERT is not idempotent), so its automatic retries are turned off.
 */
final class CnosDbRequestFactoryBuilders {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
			CnosDbRequestFactoryBuilders.class.getClassLoader());

	private CnosDbRequestFactoryBuilders() {
	}

	static ClientHttpRequestFactoryBuilder<?> forCnosDb(ClientHttpRequestFactoryBuilder<?> builder) {
		return HTTP_COMPONENTS_PRESENT ? HttpComponents.withoutAutomaticRetries(builder) : builder;
	}

	/** Kept apart so HttpClient 5 classes load only when present. */
	private static final class HttpComponents {

		static ClientHttpRequestFactoryBuilder<?> withoutAutomaticRetries(ClientHttpRequestFactoryBuilder<?> builder) {
			if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
				return httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries);
			}
			return builder;
		}

	}

}
