package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * A request factory whose requests take their timeout from the call that makes them, so
 * that one {@code RestClient} over one HTTP client serves pings of every timeout. A
 * client per timeout, each with its pool and threads, grew without bound with the
 * timeouts asked for.
 * <p>
 * The timeout travels in a thread-local from {@link #withTimeout(Duration, Supplier)} to
 * {@link #createRequest(URI, HttpMethod)}: {@code RestClient} creates the request on the
 * calling thread, also through interceptors.
 */
final class CallTimeoutRequestFactory implements ClientHttpRequestFactory {

	private static final ThreadLocal<@Nullable Duration> TIMEOUT = new ThreadLocal<>();

	/**
	 * Factories are kept for the few timeouts in use, not made per request: a user's may
	 * build a client.
	 */
	private static final int KEPT_FACTORIES = 8;

	private final Function<Duration, ClientHttpRequestFactory> factories;

	private final Map<Duration, ClientHttpRequestFactory> kept = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Duration, ClientHttpRequestFactory> eldest) {
				return size() > KEPT_FACTORIES;
			}

		});

	/**
	 * @param factories given a timeout, a factory whose connect and read timeouts do not
	 * exceed it; called once per timeout in use (the last eight are kept), so it should
	 * share one HTTP client between timeouts
	 */
	CallTimeoutRequestFactory(Function<Duration, ClientHttpRequestFactory> factories) {
		this.factories = factories;
	}

	/**
	 * Runs {@code call}, whose requests through a factory of this kind get the timeout.
	 */
	static <T> T withTimeout(Duration timeout, Supplier<T> call) {
		Duration previous = TIMEOUT.get();
		TIMEOUT.set(timeout);
		try {
			return call.get();
		}
		finally {
			if (previous != null) {
				TIMEOUT.set(previous);
			}
			else {
				TIMEOUT.remove();
			}
		}
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		Duration timeout = TIMEOUT.get();
		Assert.state(timeout != null, "A request with a per-call timeout was made outside withTimeout(...)");
		return this.kept.computeIfAbsent(timeout, this.factories).createRequest(uri, httpMethod);
	}

}
