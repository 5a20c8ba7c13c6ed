package io.cnosdb.spring.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.observation.CnosObservationConvention;
import io.cnosdb.spring.core.support.CnosDefaults;
import io.cnosdb.spring.core.write.CnosWriteCompression;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link CnosHttpClient}. Without a {@link RestClient.Builder}, requests go
 * through Apache HttpClient 5 when it is on the class path, else the JDK's HTTP client
 * (whose read timeout bounds a whole exchange, long result streams included); the client
 * owns that HTTP client and closes it when it is closed. Given several URLs, the nodes of
 * a cluster, the client fails over between them; they share its HTTP client, connection
 * pool and settings.
 */
public final class CnosHttpClientBuilder {

	private List<String> urls = List.of(CnosDefaults.URL);

	String user = CnosDefaults.USER;

	String password = CnosDefaults.PASSWORD;

	Duration connectTimeout = CnosDefaults.CONNECT_TIMEOUT;

	Duration readTimeout = CnosDefaults.READ_TIMEOUT;

	Duration queryTimeout = CnosDefaults.QUERY_TIMEOUT;

	int maxRowSize = CnosDefaults.MAX_ROW_SIZE;

	int maxConnections = CnosDefaults.MAX_CONNECTIONS;

	private boolean maxConnectionsSet;

	private RestClient.@Nullable Builder restClientBuilder;

	CnosExceptionTranslator exceptionTranslator = new DefaultCnosExceptionTranslator();

	private @Nullable Function<Duration, ClientHttpRequestFactory> pingRequestFactory;

	CnosWriteCompression writeCompression = CnosWriteCompression.NONE;

	int writeCompressionLevel = 1;

	ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	@Nullable CnosObservationConvention observationConvention;

	private Duration nodeBackoffInitial = CnosDefaults.NODE_BACKOFF_INITIAL;

	private Duration nodeBackoffMax = CnosDefaults.NODE_BACKOFF_MAX;

	private Duration nodeBackoffJitter = CnosDefaults.NODE_BACKOFF_JITTER;

	private Duration nodeProbeTimeout = CnosDefaults.NODE_PROBE_TIMEOUT;

	private LongSupplier nanoClock = System::nanoTime;

	private final List<Object> owned = new ArrayList<>();

	CnosHttpClientBuilder() {
	}

	/**
	 * The server's HTTP URL, such as {@code http://localhost:8902}; surrounding
	 * whitespace is dropped.
	 */
	public CnosHttpClientBuilder url(String url) {
		this.urls = List.of(checkUrl(url));
		return this;
	}

	/**
	 * The HTTP URLs of the nodes of a cluster, each serving the same HTTP API, in the
	 * order they are tried: each request goes to the first available node, and on to the
	 * next when it did not reach its node. One URL is the same as {@link #url(String)}.
	 */
	public CnosHttpClientBuilder urls(List<String> urls) {
		Assert.notEmpty(urls, "urls must not be empty");
		List<String> checked = new ArrayList<>(urls.size());
		Set<String> seen = new HashSet<>();
		for (String url : urls) {
			String node = checkUrl(url);
			Assert.isTrue(seen.add(node), () -> "The CnosDB URL '" + node + "' is given twice; name each node once");
			checked.add(node);
		}
		this.urls = List.copyOf(checked);
		return this;
	}

	private static String checkUrl(String url) {
		Assert.hasText(url, "url must not be empty");
		String stripped = url.strip();
		// User information in the URL would fail every request and show up in exception
		// chains; credentials belong in credentials(user, password). Any '@' counts: a
		// password holding '/' or '@' is read by a URI parser as host or path.
		Assert.isTrue(stripped.indexOf('@') < 0, "The CnosDB URL must not hold user information (user:password@); "
				+ "pass them to credentials(user, password)");
		return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	/**
	 * The user and password for HTTP Basic authentication; the password may be empty.
	 */
	public CnosHttpClientBuilder credentials(String user, String password) {
		this.user = user;
		this.password = password;
		return this;
	}

	/**
	 * Connect timeout of the default HTTP client; ignored with
	 * {@link #restClientBuilder}.
	 */
	public CnosHttpClientBuilder connectTimeout(Duration connectTimeout) {
		Assert.notNull(connectTimeout, "connectTimeout must not be null");
		this.connectTimeout = connectTimeout;
		return this;
	}

	/**
	 * Read timeout of the default HTTP client; ignored with {@link #restClientBuilder}.
	 */
	public CnosHttpClientBuilder readTimeout(Duration readTimeout) {
		Assert.notNull(readTimeout, "readTimeout must not be null");
		this.readTimeout = readTimeout;
		return this;
	}

	/**
	 * The longest a statement may take, from sending it to reading its last row, time
	 * spent in row callbacks and stream steps included (default 5 minutes). Past it the
	 * answer is aborted and reading fails with a {@code QueryTimeoutException}. The read
	 * timeout bounds each wait for data; this bounds an answer that keeps trickling in.
	 */
	public CnosHttpClientBuilder queryTimeout(Duration queryTimeout) {
		this.queryTimeout = positive(queryTimeout, "queryTimeout");
		return this;
	}

	/**
	 * The most bytes one row of an answer may take, cells, quotes and commas (default 64
	 * MiB); a larger row fails with a {@code DataRetrievalFailureException} instead of
	 * exhausting the heap.
	 */
	public CnosHttpClientBuilder maxRowSize(int maxRowSize) {
		Assert.isTrue(maxRowSize > 0, "maxRowSize must be positive");
		this.maxRowSize = maxRowSize;
		return this;
	}

	/**
	 * The most connections the default HTTP client (Apache HttpClient 5) keeps to the
	 * server at once (default {@value CnosDefaults#MAX_CONNECTIONS}); a statement waits
	 * for a free one at most the connect timeout. Ignored with
	 * {@link #restClientBuilder}, whose request factory has its own pool, and with the
	 * JDK's client, which has none.
	 */
	public CnosHttpClientBuilder maxConnections(int maxConnections) {
		Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
		this.maxConnections = maxConnections;
		this.maxConnectionsSet = true;
		return this;
	}

	/**
	 * The builder of the {@link RestClient} to send requests with, carrying its request
	 * factory, timeouts, SSL and observations. It is cloned, not changed, and stays the
	 * caller's: closing the client does not close its request factory.
	 */
	public CnosHttpClientBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/** How error answers become exceptions. */
	public CnosHttpClientBuilder exceptionTranslator(CnosExceptionTranslator exceptionTranslator) {
		Assert.notNull(exceptionTranslator, "exceptionTranslator must not be null");
		this.exceptionTranslator = exceptionTranslator;
		return this;
	}

	/**
	 * How to make the request factory of a {@link CnosHttpClient#ping(Duration) ping}:
	 * given the ping's timeout, a factory whose connect and read timeouts do not exceed
	 * it, with the same HTTP client and SSL settings as the client's own. It is called
	 * for every timeout in use (the last eight factories are kept), so it should return
	 * light factories over one shared HTTP client rather than a client per timeout.
	 * Without it, pings use one JDK HTTP client, or, with a {@link #restClientBuilder},
	 * that builder's request factory and its timeouts.
	 */
	public CnosHttpClientBuilder pingRequestFactory(Function<Duration, ClientHttpRequestFactory> pingRequestFactory) {
		Assert.notNull(pingRequestFactory, "pingRequestFactory must not be null");
		this.pingRequestFactory = pingRequestFactory;
		return this;
	}

	/**
	 * How write bodies are compressed; off by default, since compressing costs more than
	 * sending on a fast link.
	 * @param compression {@code NONE} or {@code GZIP}
	 * @param level the gzip level, 1 (fastest, the default) to 9
	 */
	public CnosHttpClientBuilder writeCompression(CnosWriteCompression compression, int level) {
		Assert.notNull(compression, "compression must not be null");
		WriteBodies.checkLevel(level);
		this.writeCompression = compression;
		this.writeCompressionLevel = level;
		return this;
	}

	/**
	 * The registry to observe each statement, write and ping in
	 * ({@link io.cnosdb.spring.core.observation.CnosObservationDocumentation#REQUEST});
	 * by default {@link ObservationRegistry#NOOP}, which observes nothing and costs
	 * nothing. The {@link RestClient} this builder makes without a
	 * {@link #restClientBuilder} observes its {@code http.client.requests} in it too,
	 * nested inside; a {@code RestClient.Builder} keeps its own registry.
	 */
	public CnosHttpClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * The convention of the observations of requests, instead of the registry's
	 * configured one or
	 * {@link io.cnosdb.spring.core.observation.DefaultCnosObservationConvention}.
	 */
	public CnosHttpClientBuilder observationConvention(CnosObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * How long a node of a cluster that failed is skipped: {@code initial} after its
	 * first failure, doubling with each failure in a row up to {@code max}, each moved at
	 * random by up to {@code jitter} (scaled as the backoff doubles, never below
	 * {@code initial} nor above {@code max}). Defaults: 1 second, 30 seconds, 500
	 * milliseconds. Without effect for one server.
	 */
	public CnosHttpClientBuilder nodeBackoff(Duration initial, Duration max, Duration jitter) {
		positive(initial, "initial");
		Assert.isTrue(max != null && max.compareTo(initial) >= 0, "max must not be shorter than initial");
		Assert.isTrue(jitter != null && !jitter.isNegative(), "jitter must not be negative");
		this.nodeBackoffInitial = initial;
		this.nodeBackoffMax = max;
		this.nodeBackoffJitter = jitter;
		return this;
	}

	/**
	 * The longest the ping of a node whose backoff has passed waits to connect, and again
	 * for the answer, before the node gets requests again (default 2 seconds). Without
	 * effect for one server.
	 */
	public CnosHttpClientBuilder nodeProbeTimeout(Duration nodeProbeTimeout) {
		this.nodeProbeTimeout = positive(nodeProbeTimeout, "nodeProbeTimeout");
		return this;
	}

	/** The clock of the nodes' backoffs, for tests that move time on their own. */
	CnosHttpClientBuilder nanoClock(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		return this;
	}

	/**
	 * Hands the client something made for it alone, such as the request factory of its
	 * {@link #restClientBuilder} or the HTTP client behind its
	 * {@link #pingRequestFactory}, to close when the client is closed: an
	 * {@link AutoCloseable} or a {@code DisposableBean}.
	 */
	public CnosHttpClientBuilder owning(Object resource) {
		Assert.notNull(resource, "resource must not be null");
		this.owned.add(resource);
		return this;
	}

	/** Builds the client; each call builds one with HTTP clients of its own. */
	public CnosHttpClient build() {
		List<Object> resources = new ArrayList<>(this.owned);
		RestClient.Builder requests = restClientBuilder(resources);
		RestClient.Builder pings = pingClientBuilder(resources);
		CnosCredentials credentials = new CnosCredentials(this.user, this.password);
		boolean cluster = this.urls.size() > 1;
		ExponentialBackOff backOff = new ExponentialBackOff(this.nodeBackoffInitial.toMillis(), 2);
		backOff.setMaxInterval(this.nodeBackoffMax.toMillis());
		backOff.setJitter(this.nodeBackoffJitter.toMillis());
		List<CnosNode> nodes = new ArrayList<>(this.urls.size());
		for (String url : this.urls) {
			NodeState state = new NodeState(cluster, backOff, this.nanoClock);
			// One RestClient per node over the one request factory: its base URL is the
			// node's, and its observations name the node's host.
			NodeClient client = new NodeClient(this, url, requests.clone().baseUrl(url).build(),
					pings.clone().baseUrl(url).build(), credentials, state);
			nodes.add(new CnosNode(client, state));
		}
		return CnosHttpClient.create(this, new NodeSelector(nodes, this.nodeProbeTimeout), credentials, resources);
	}

	/** How many connections the client's pool holds, for messages; 0 if unknown. */
	int poolSize() {
		return (this.restClientBuilder == null || this.maxConnectionsSet) ? this.maxConnections : 0;
	}

	/**
	 * The builder of the one client for pings of every timeout; each ping sets its own
	 * timeout.
	 */
	private RestClient.Builder pingClientBuilder(List<Object> resources) {
		// Not restClientBuilder(), whose default HTTP client pings would not use.
		RestClient.Builder base = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder().observationRegistry(this.observationRegistry);
		Function<Duration, ClientHttpRequestFactory> requestFactory = this.pingRequestFactory;
		if (requestFactory == null && this.restClientBuilder == null) {
			requestFactory = DefaultRequestFactories.jdkPerTimeout(this.connectTimeout, resources);
		}
		if (requestFactory == null) {
			return base;
		}
		return base.requestFactory(new CallTimeoutRequestFactory(requestFactory));
	}

	private RestClient.Builder restClientBuilder(List<Object> resources) {
		if (this.restClientBuilder != null) {
			return this.restClientBuilder.clone();
		}
		ClientHttpRequestFactory requestFactory = DefaultRequestFactories.create(this.connectTimeout, this.readTimeout,
				this.maxConnections, resources);
		return RestClient.builder().requestFactory(requestFactory).observationRegistry(this.observationRegistry);
	}

	private static Duration positive(@Nullable Duration timeout, String name) {
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), name + " must be positive");
		return timeout;
	}

}
