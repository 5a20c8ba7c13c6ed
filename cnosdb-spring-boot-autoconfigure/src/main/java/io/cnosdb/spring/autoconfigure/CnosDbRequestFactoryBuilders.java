package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.support.CnosTimeouts;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.util.ClassUtils;

/**
 * Adjusts Spring Boot's request factory builder for CnosDB. With Apache HttpClient 5:
 * <ul>
 * <li>automatic retries are off: HttpClient would resend a statement or write answered
 * 503 or 429 on its own, which is the caller's decision (an INSERT is not
 * idempotent);</li>
 * <li>the pool holds {@code cnosdb.max-connections} connections per host, not
 * HttpClient's 5, which five threads running a query inside another query's row callback
 * exhaust;</li>
 * <li>the wait for a free pooled connection is bounded by the connect timeout, not
 * HttpClient's 3 minutes, so an exhausted pool is reported as such, soon.</li>
 * </ul>
 */
final class CnosDbRequestFactoryBuilders {

	static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
			CnosDbRequestFactoryBuilders.class.getClassLoader());

	private CnosDbRequestFactoryBuilders() {
	}

	static ClientHttpRequestFactoryBuilder<?> forCnosDb(ClientHttpRequestFactoryBuilder<?> builder, int maxConnections,
			Duration connectTimeout) {
		return HTTP_COMPONENTS_PRESENT ? HttpComponents.forCnosDb(builder, maxConnections, connectTimeout) : builder;
	}

	/** Kept apart so HttpClient 5 classes load only when present. */
	private static final class HttpComponents {

		static ClientHttpRequestFactoryBuilder<?> forCnosDb(ClientHttpRequestFactoryBuilder<?> builder,
				int maxConnections, Duration connectTimeout) {
			if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
				return httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
					.withConnectionManagerCustomizer(
							(manager) -> manager.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections))
					.withDefaultRequestConfigCustomizer((config) -> config
						.setConnectionRequestTimeout(CnosTimeouts.millis(connectTimeout), TimeUnit.MILLISECONDS));
			}
			return builder;
		}

	}

}
