package io.cnosdb.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosHttpClientBuilder;
import io.cnosdb.spring.core.observation.CnosObservationConvention;
import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.support.CnosDefaults;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.core.write.DefaultTags;

import org.springframework.core.convert.ConversionService;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link CnosTemplate}: where it sends requests (the settings of its
 * {@link CnosHttpClient}, or a client of the caller's) and what it addresses (tenant,
 * database, write precision, mapping). A template built here owns the HTTP client it
 * builds and closes it in {@link CnosTemplate#close()}.
 */
public final class CnosTemplateBuilder {

	private final CnosHttpClientBuilder http = CnosHttpClient.builder();

	private boolean httpSettingsSet;

	private @Nullable CnosHttpClient httpClient;

	private String database = CnosDefaults.DATABASE;

	private String tenant = CnosDefaults.TENANT;

	private CnosPrecision writePrecision = CnosPrecision.NS;

	private DefaultTags defaultTags = DefaultTags.NONE;

	private @Nullable ConversionService conversionService;

	private int maxRows = CnosDefaults.MAX_ROWS;

	CnosTemplateBuilder() {
	}

	/**
	 * The HTTP client to send requests through, shared and left open: the template does
	 * not close it. Setting it and any of the HTTP client's settings on this builder
	 * fails.
	 */
	public CnosTemplateBuilder httpClient(CnosHttpClient httpClient) {
		Assert.notNull(httpClient, "httpClient must not be null");
		this.httpClient = httpClient;
		return this;
	}

	/** See {@link CnosHttpClientBuilder#url(String)}. */
	public CnosTemplateBuilder url(String url) {
		return http(() -> this.http.url(url));
	}

	/** See {@link CnosHttpClientBuilder#urls(List)}. */
	public CnosTemplateBuilder urls(List<String> urls) {
		return http(() -> this.http.urls(urls));
	}

	/** See {@link CnosHttpClientBuilder#nodeBackoff(Duration, Duration, Duration)}. */
	public CnosTemplateBuilder nodeBackoff(Duration initial, Duration max, Duration jitter) {
		return http(() -> this.http.nodeBackoff(initial, max, jitter));
	}

	/** See {@link CnosHttpClientBuilder#nodeProbeTimeout(Duration)}. */
	public CnosTemplateBuilder nodeProbeTimeout(Duration nodeProbeTimeout) {
		return http(() -> this.http.nodeProbeTimeout(nodeProbeTimeout));
	}

	/** See {@link CnosHttpClientBuilder#credentials(String, String)}. */
	public CnosTemplateBuilder credentials(String user, String password) {
		return http(() -> this.http.credentials(user, password));
	}

	/** See {@link CnosHttpClientBuilder#connectTimeout(Duration)}. */
	public CnosTemplateBuilder connectTimeout(Duration connectTimeout) {
		return http(() -> this.http.connectTimeout(connectTimeout));
	}

	/** See {@link CnosHttpClientBuilder#readTimeout(Duration)}. */
	public CnosTemplateBuilder readTimeout(Duration readTimeout) {
		return http(() -> this.http.readTimeout(readTimeout));
	}

	/** See {@link CnosHttpClientBuilder#queryTimeout(Duration)}. */
	public CnosTemplateBuilder queryTimeout(Duration queryTimeout) {
		return http(() -> this.http.queryTimeout(queryTimeout));
	}

	/** See {@link CnosHttpClientBuilder#maxRowSize(int)}. */
	public CnosTemplateBuilder maxRowSize(int maxRowSize) {
		return http(() -> this.http.maxRowSize(maxRowSize));
	}

	/** See {@link CnosHttpClientBuilder#maxConnections(int)}. */
	public CnosTemplateBuilder maxConnections(int maxConnections) {
		return http(() -> this.http.maxConnections(maxConnections));
	}

	/** See {@link CnosHttpClientBuilder#restClientBuilder(RestClient.Builder)}. */
	public CnosTemplateBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		return http(() -> this.http.restClientBuilder(restClientBuilder));
	}

	/** See {@link CnosHttpClientBuilder#exceptionTranslator(CnosExceptionTranslator)}. */
	public CnosTemplateBuilder exceptionTranslator(CnosExceptionTranslator exceptionTranslator) {
		return http(() -> this.http.exceptionTranslator(exceptionTranslator));
	}

	/** See {@link CnosHttpClientBuilder#pingRequestFactory(Function)}. */
	public CnosTemplateBuilder pingRequestFactory(Function<Duration, ClientHttpRequestFactory> pingRequestFactory) {
		return http(() -> this.http.pingRequestFactory(pingRequestFactory));
	}

	/** See {@link CnosHttpClientBuilder#writeCompression(CnosWriteCompression, int)}. */
	public CnosTemplateBuilder writeCompression(CnosWriteCompression compression, int level) {
		return http(() -> this.http.writeCompression(compression, level));
	}

	/** See {@link CnosHttpClientBuilder#observationRegistry(ObservationRegistry)}. */
	public CnosTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		return http(() -> this.http.observationRegistry(observationRegistry));
	}

	/**
	 * See {@link CnosHttpClientBuilder#observationConvention(CnosObservationConvention)}.
	 */
	public CnosTemplateBuilder observationConvention(CnosObservationConvention observationConvention) {
		return http(() -> this.http.observationConvention(observationConvention));
	}

	/** The database statements and writes address. */
	public CnosTemplateBuilder database(String database) {
		this.database = database;
		return this;
	}

	/** The tenant statements and writes address. */
	public CnosTemplateBuilder tenant(String tenant) {
		this.tenant = tenant;
		return this;
	}

	/**
	 * The precision of timestamps that writes without a precision send; nanoseconds, the
	 * server's default, unless set.
	 */
	public CnosTemplateBuilder writePrecision(CnosPrecision writePrecision) {
		Assert.notNull(writePrecision, "writePrecision must not be null");
		this.writePrecision = writePrecision;
		return this;
	}

	/**
	 * Tags to add to every point the template writes ({@code write} and
	 * {@code writeObjects}), such as the host or region of the application, unless the
	 * point has a tag or field of that name: a point's own tag always wins. Raw lines
	 * ({@code writeLines}) are sent as given. None unless set.
	 * @throws IllegalArgumentException if a name or value cannot be written as a tag,
	 * naming it and the rule
	 */
	public CnosTemplateBuilder defaultTags(Map<String, String> defaultTags) {
		this.defaultTags = DefaultTags.of(defaultTags);
		return this;
	}

	/**
	 * The most rows a list-returning query ({@code queryForList}, {@code query} with a
	 * {@link RowMapper}, {@code list()}) collects (default one million); more fail with a
	 * {@code DataRetrievalFailureException}. Streams and row callbacks have no limit.
	 */
	public CnosTemplateBuilder maxRows(int maxRows) {
		Assert.isTrue(maxRows > 0, "maxRows must be positive");
		this.maxRows = maxRows;
		return this;
	}

	/**
	 * How values convert to mapped types; defaults to
	 * {@link CnosConversions#createConversionService()}.
	 */
	public CnosTemplateBuilder conversionService(ConversionService conversionService) {
		this.conversionService = conversionService;
		return this;
	}

	/**
	 * Builds the template, with an HTTP client of its own unless one was given.
	 * @throws IllegalStateException if both an HTTP client and settings for one were
	 * given
	 */
	public CnosTemplate build() {
		Assert.state(this.httpClient == null || !this.httpSettingsSet,
				"Either give the template an HTTP client or the settings to build one, not both");
		boolean owned = this.httpClient == null;
		CnosHttpClient client = owned ? this.http.build() : this.httpClient;
		return new CnosTemplate(client, owned, this.database, this.tenant, this.writePrecision,
				PointEncoders.of(this.defaultTags), CnosTemplate.resultRows(this.conversionService, this.maxRows),
				new ConcurrentHashMap<>());
	}

	private CnosTemplateBuilder http(Runnable setting) {
		setting.run();
		this.httpSettingsSet = true;
		return this;
	}

}
