package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.support.CnosResources;
import io.cnosdb.spring.core.support.CnosTimeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The request factories of pings and health checks, by timeout, made with Spring Boot's
 * request factory builder and the client's settings, and closed with the client that
 * {@linkplain io.cnosdb.spring.core.http.CnosHttpClientBuilder#owning(Object) owns} them.
 * With Apache HttpClient 5, light factories over one HTTP client, each request carrying
 * its timeouts; with another client, which cannot time a request alone, a factory per
 * timeout, at most {@value #MAX_FACTORIES} of them (a health indicator asks for one
 * timeout).
 */
abstract class CnosDbPingRequestFactories implements Function<Duration, ClientHttpRequestFactory>, AutoCloseable {

	/** Factories kept for clients other than HttpClient 5. */
	private static final int MAX_FACTORIES = 8;

	static CnosDbPingRequestFactories of(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
			Duration connectTimeout) {
		if (CnosDbRequestFactoryBuilders.HTTP_COMPONENTS_PRESENT && HttpComponents.isHttpComponents(builder)) {
			return new HttpComponents(builder, settings, connectTimeout);
		}
		return new PerTimeout(builder, settings, connectTimeout);
	}

	private static Duration shorter(Duration first, Duration second) {
		return (first.compareTo(second) <= 0) ? first : second;
	}

	/** A factory built for each timeout in use, the last ones kept. */
	private static final class PerTimeout extends CnosDbPingRequestFactories {

		private final ClientHttpRequestFactoryBuilder<?> builder;

		private final HttpClientSettings settings;

		private final Duration connectTimeout;

		private final Map<Duration, ClientHttpRequestFactory> factories = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Duration, ClientHttpRequestFactory> eldest) {
				return size() > MAX_FACTORIES;
			}

		};

		PerTimeout(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings, Duration connectTimeout) {
			this.builder = builder;
			this.settings = settings;
			this.connectTimeout = connectTimeout;
		}

		@Override
		public ClientHttpRequestFactory apply(Duration timeout) {
			synchronized (this.factories) {
				return this.factories.computeIfAbsent(timeout, (key) -> this.builder
					.build(this.settings.withTimeouts(shorter(this.connectTimeout, key), key)));
			}
		}

		/**
		 * Closes the factories kept; one dropped earlier may still serve a ping, so it is
		 * left to the garbage collector.
		 */
		@Override
		public void close() throws Exception {
			List<ClientHttpRequestFactory> kept;
			synchronized (this.factories) {
				kept = new ArrayList<>(this.factories.values());
				this.factories.clear();
			}
			CnosResources.closeAll(kept);
		}

	}

	/**
	 * One HttpClient 5 for every timeout, built as the client's own is; kept apart so its
	 * classes load only when present.
	 */
	private static final class HttpComponents extends CnosDbPingRequestFactories {

		private final HttpComponentsClientHttpRequestFactory shared;

		private final HttpClient httpClient;

		private final Duration connectTimeout;

		HttpComponents(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings,
				Duration connectTimeout) {
			this.shared = (HttpComponentsClientHttpRequestFactory) builder
				.build(settings.withTimeouts(connectTimeout, settings.readTimeout()));
			this.httpClient = this.shared.getHttpClient();
			this.connectTimeout = connectTimeout;
		}

		static boolean isHttpComponents(ClientHttpRequestFactoryBuilder<?> builder) {
			return builder instanceof HttpComponentsClientHttpRequestFactoryBuilder;
		}

		/**
		 * A factory whose requests carry their timeouts in their context, over the shared
		 * client.
		 */
		@Override
		@SuppressWarnings("deprecation") // per-request connect timeout: the pool's config
											// is shared
		public ClientHttpRequestFactory apply(Duration timeout) {
			RequestConfig config = RequestConfig.custom()
				.setConnectTimeout(CnosTimeouts.millis(shorter(this.connectTimeout, timeout)), TimeUnit.MILLISECONDS)
				.setConnectionRequestTimeout(CnosTimeouts.millis(timeout), TimeUnit.MILLISECONDS)
				.setResponseTimeout(CnosTimeouts.millis(timeout), TimeUnit.MILLISECONDS)
				.build();
			HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(
					this.httpClient);
			factory.setHttpContextFactory((method, uri) -> {
				HttpClientContext context = HttpClientContext.create();
				context.setRequestConfig(config);
				return context;
			});
			return factory;
		}

		/** Closes the shared client; the light factories over it hold nothing else. */
		@Override
		public void close() throws Exception {
			this.shared.destroy();
		}

	}

}
