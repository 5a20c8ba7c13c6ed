package io.cnosdb.spring.core.http;

import io.cnosdb.spring.core.support.CnosTimeouts;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * The HTTP client of a template built without a {@code RestClient.Builder}: Apache
 * HttpClient 5 when it is on the class path (the starter brings it), else the JDK's.
 * <p>
 * With HttpClient 5 the read timeout bounds each wait for data, so a long result that
 * keeps arriving is read to its end, within the template's query timeout. The JDK
 * client's read timeout, as Spring applies it, bounds the whole exchange instead: a
 * result that takes longer to stream than the timeout is cut off.
 */
final class DefaultRequestFactories {

	/**
	 * Looks for HttpClient 5's {@code HttpClientBuilder}, as the auto-configuration does,
	 * not for {@code HttpClients}: a native image finds a class by name only when hints
	 * register it, and Spring Boot's hints make {@code HttpClients} visible only once it
	 * has been initialized, which a lookup by name does not do.
	 */
	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
			DefaultRequestFactories.class.getClassLoader());

	private DefaultRequestFactories() {
	}

	/**
	 * The factory for statements and writes.
	 * @param maxConnections the most connections HttpClient 5 keeps open to the server at
	 * once
	 * @param owned where to add what the caller must close: the factory and its client
	 */
	static ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout, int maxConnections,
			List<Object> owned) {
		ClientHttpRequestFactory requestFactory = HTTP_COMPONENTS_PRESENT
				? HttpComponents.create(connectTimeout, readTimeout, maxConnections)
				: jdk(connectTimeout, readTimeout, owned);
		owned.add(requestFactory);
		return requestFactory;
	}

	/**
	 * Factories for pings, one per timeout, over one JDK HTTP client: a factory is a
	 * small object, the client holds the threads and connections. The JDK's request
	 * timeout, which Spring's read timeout sets, bounds the whole exchange, connecting
	 * included.
	 */
	static Function<Duration, ClientHttpRequestFactory> jdkPerTimeout(Duration connectTimeout, List<Object> owned) {
		HttpClient httpClient = jdkClient(connectTimeout);
		owned.add(httpClient);
		return (timeout) -> {
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
			requestFactory.setReadTimeout(timeout);
			requestFactory.enableCompression(false);
			return requestFactory;
		};
	}

	/** A factory whose read timeout bounds the whole exchange, as a ping needs. */
	static JdkClientHttpRequestFactory jdk(Duration connectTimeout, Duration readTimeout, List<Object> owned) {
		HttpClient httpClient = jdkClient(connectTimeout);
		owned.add(httpClient);
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		requestFactory.enableCompression(false);
		return requestFactory;
	}

	private static HttpClient jdkClient(Duration connectTimeout) {
		return HttpClient.newBuilder()
			// Held to HTTP/1.1: the JDK's HTTP/2 upgrade request is wasted on CnosDB.
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.build();
	}

	/** Kept apart so HttpClient 5 classes load only when present. */
	private static final class HttpComponents {

		public static ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout,
				int maxConnections) {
			ConnectionConfig connectionConfig = ConnectionConfig.custom()
				.setConnectTimeout(CnosTimeouts.millis(connectTimeout), TimeUnit.MILLISECONDS)
				.setSocketTimeout(CnosTimeouts.intMillis(readTimeout), TimeUnit.MILLISECONDS)
				.build();
			RequestConfig requestConfig = RequestConfig.custom()
				.setResponseTimeout(CnosTimeouts.millis(readTimeout), TimeUnit.MILLISECONDS)
				// The wait for a free connection of the pool gets its own, short bound:
				// past it the pool is exhausted, which waiting as long as for the
				// server hides.
				.setConnectionRequestTimeout(CnosTimeouts.millis(connectTimeout), TimeUnit.MILLISECONDS)
				.build();
			return new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
					.setDefaultConnectionConfig(connectionConfig)
					// HttpClient's default of 5 per host is exhausted by 5 threads
					// that each run a query inside another's row callback.
					.setMaxConnTotal(maxConnections)
					.setMaxConnPerRoute(maxConnections)
					.build())
				.setDefaultRequestConfig(requestConfig)
				// HttpClient would resend a request answered 503 or 429 on its own;
				// retrying is the caller's decision (statements are not all
				// idempotent).
				.disableAutomaticRetries()
				.build());
		}

	}

}
