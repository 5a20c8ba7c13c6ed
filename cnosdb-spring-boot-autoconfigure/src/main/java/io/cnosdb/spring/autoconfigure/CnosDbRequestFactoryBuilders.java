package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
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
 * Pings get one HTTP client for every timeout, each request carrying its own.
 */
final class CnosDbRequestFactoryBuilders {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
			CnosDbRequestFactoryBuilders.class.getClassLoader());

	/**
	 * Ping factories kept for clients other than HttpClient 5, which cannot time a
	 * request alone.
	 */
	private static final int MAX_PING_FACTORIES = 8;

	private CnosDbRequestFactoryBuilders() {
	}

	static ClientHttpRequestFactoryBuilder<?> forCnosDb(ClientHttpRequestFactoryBuilder<?> builder, int maxConnections,
			Duration connectTimeout) {
		return HTTP_COMPONENTS_PRESENT ? HttpComponents.forCnosDb(builder, maxConnections, connectTimeout) : builder;
	}

	/**
	 * Ping request factories by timeout. With HttpClient 5, light factories over one
	 * client, each request carrying its timeouts; with another client, a factory per
	 * timeout, at most {@value #MAX_PING_FACTORIES} of them (a health indicator asks for
	 * one timeout).
	 */
	static Function<Duration, ClientHttpRequestFactory> pingRequestFactories(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings, Duration connectTimeout) {
		if (HTTP_COMPONENTS_PRESENT) {
			Function<Duration, ClientHttpRequestFactory> factories = HttpComponents.pingRequestFactories(builder,
					settings, connectTimeout);
			if (factories != null) {
				return factories;
			}
		}
		Map<Duration, ClientHttpRequestFactory> cache = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Duration, ClientHttpRequestFactory> eldest) {
				return size() > MAX_PING_FACTORIES;
			}

		};
		return (timeout) -> {
			synchronized (cache) {
				return cache.computeIfAbsent(timeout,
						(key) -> builder.build(settings.withTimeouts(shorter(connectTimeout, key), key)));
			}
		};
	}

	private static Duration shorter(Duration first, Duration second) {
		return (first.compareTo(second) <= 0) ? first : second;
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
						.setConnectionRequestTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
			}
			return builder;
		}

		static Function<Duration, ClientHttpRequestFactory> pingRequestFactories(
				ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings, Duration connectTimeout) {
			if (!(builder instanceof HttpComponentsClientHttpRequestFactoryBuilder)) {
				return null;
			}
			HttpComponentsClientHttpRequestFactory base = (HttpComponentsClientHttpRequestFactory) builder
				.build(settings.withTimeouts(connectTimeout, settings.readTimeout()));
			HttpClient httpClient = base.getHttpClient();
			return (timeout) -> withTimeouts(httpClient, shorter(connectTimeout, timeout), timeout);
		}

		/**
		 * A factory whose requests carry their timeouts in their context, over a shared
		 * client.
		 */
		@SuppressWarnings("deprecation") // per-request connect timeout: the pool's config
											// is shared
		private static ClientHttpRequestFactory withTimeouts(HttpClient httpClient, Duration connectTimeout,
				Duration timeout) {
			RequestConfig config = RequestConfig.custom()
				.setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
				.setConnectionRequestTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.setResponseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.build();
			HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(httpClient);
			factory.setHttpContextFactory((method, uri) -> {
				HttpClientContext context = HttpClientContext.create();
				context.setRequestConfig(config);
				return context;
			});
			return factory;
		}

	}

}
