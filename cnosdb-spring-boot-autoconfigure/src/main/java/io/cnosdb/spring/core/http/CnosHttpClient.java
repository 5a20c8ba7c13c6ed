package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.cnosdb.spring.core.support.CnosResources;
import io.cnosdb.spring.core.result.CsvResultReader;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.core.write.EncodeBuffers;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The CnosDB endpoints a template uses, {@code /api/v1/sql} and {@code /api/v1/write},
 * plus {@code /api/v1/ping}, over Spring's {@link RestClient}: one {@code Accept} value,
 * Basic authentication on every statement and write (never on a ping, which needs none),
 * bodies as byte arrays so they carry a {@code Content-Length} (the server answers a
 * chunked upload with an empty 500), and every failure turned into a
 * {@link DataAccessException}. Each statement, write and ping is observed as a
 * {@link io.cnosdb.spring.core.observation.CnosObservationDocumentation#REQUEST request}
 * when the builder was given an observation registry.
 */
public final class CnosHttpClient implements AutoCloseable {

	static final String SQL_PATH = "/api/v1/sql";

	static final String WRITE_PATH = "/api/v1/write";

	public static final String PING_PATH = "/api/v1/ping";

	/**
	 * CSV keeps the statement's column order and duplicate names, NaN and infinity, every
	 * digit of unsigned values and nine-digit timestamps; JSON sorts keys and drops NULL,
	 * NaN and infinity. {@code application/csv} rather than {@code text/csv}: servers
	 * before 2.4.3 accept only the {@code application/} prefix.
	 */
	static final String ACCEPT_CSV = "application/csv";

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String QUERY_DEADLINE_ADVICE = "the deadline covers sending the statement, the server's work "
			+ "and reading every row, time spent in row callbacks and stream steps included: narrow the statement, "
			+ "or raise the query timeout (cnosdb.query-timeout)";

	private static final String PING_DEADLINE_ADVICE = "raise the timeout (cnosdb.health.timeout for the health check)";

	private final RestClient restClient;

	private final String displayUrl;

	private final CnosCredentials credentials;

	/**
	 * One client for pings and health checks of every timeout: each call sets its own.
	 */
	private final RestClient pingClient;

	private final HttpFailures failures;

	private final Answers answers;

	private final ClientObservations observations;

	private final EncodeBuffers encodeBuffers = new EncodeBuffers();

	private final CnosWriteCompression writeCompression;

	private final int writeCompressionLevel;

	private final Duration queryTimeout;

	private final int maxRowSize;

	/** What this client made for itself alone, closed with it. */
	private final List<Object> owned;

	private CnosHttpClient(CnosHttpClientBuilder builder, RestClient restClient, RestClient pingClient,
			List<Object> owned) {
		this.restClient = restClient;
		this.pingClient = pingClient;
		this.owned = owned;
		this.displayUrl = CnosMessageValues.withoutUserInfo(builder.url);
		this.credentials = new CnosCredentials(builder.user, builder.password);
		this.failures = new HttpFailures(this.displayUrl, builder.poolSize());
		this.answers = new Answers(this.displayUrl, this.credentials, builder.exceptionTranslator);
		this.observations = new ClientObservations(builder.observationRegistry, builder.observationConvention,
				this.displayUrl);
		this.writeCompression = builder.writeCompression;
		this.writeCompressionLevel = builder.writeCompressionLevel;
		this.queryTimeout = builder.queryTimeout;
		this.maxRowSize = builder.maxRowSize;
	}

	/** Starts building a client; every setting has the server's default. */
	public static CnosHttpClientBuilder builder() {
		return new CnosHttpClientBuilder();
	}

	static CnosHttpClient create(CnosHttpClientBuilder builder, RestClient restClient, RestClient pingClient,
			List<Object> owned) {
		return new CnosHttpClient(builder, restClient, pingClient, owned);
	}

	/** The server's URL, without any user information. */
	public String displayUrl() {
		return this.displayUrl;
	}

	/** The user and password requests authenticate with. */
	public CnosCredentials credentials() {
		return this.credentials;
	}

	/**
	 * Closes what this client made for itself: the HTTP client of its default request
	 * factory, its ping client, and whatever its builder was told it
	 * {@linkplain CnosHttpClientBuilder#owning(Object) owns}. A
	 * {@code RestClient.Builder} handed to the builder, and its request factory, belong
	 * to the caller and stay open.
	 */
	@Override
	public void close() {
		CnosResources.closeAll(this.owned);
	}

	/*
	 * Requests name their URI as a template with variables, so the http.client.requests
	 * observation gets one low-cardinality uri tag per endpoint rather than "none".
	 */

	/**
	 * Posts a statement and opens the CSV answer for reading; the caller closes it. The
	 * statement's observation ends when its answer is read to its end or closed.
	 * @param description what is being done, for messages (free of credentials); asked
	 * for only when a message is made
	 */
	@SuppressWarnings("try") // The scope makes the observation the current one.
	public QueryResult query(String sql, String database, String tenant, Supplier<String> description) {
		byte[] body = encode(sql, description);
		Observation observation = this.observations.statement(sql, database, tenant).start();
		StatementDeadline deadline = StatementDeadline.start(this.queryTimeout, QUERY_DEADLINE_ADVICE);
		ClientHttpResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = call(description, deadline,
					() -> statement(this.restClient, body, database, tenant)
						.exchange(
								(request, clientResponse) -> this.answers
									.requireCsv(this.answers.checked(clientResponse, description), description),
								false));
		}
		catch (RuntimeException ex) {
			deadline.close();
			throw failed(observation, ex);
		}
		InputStream stream = null;
		try {
			stream = response.getBody();
			deadline.watch(stream);
			CsvResultReader reader = new CsvResultReader(stream, CsvResultReader.DEFAULT_BUFFER_SIZE, this.maxRowSize);
			return new QueryResult(response, stream, reader, this, description, deadline, observation);
		}
		catch (IOException | RuntimeException ex) {
			try {
				if (stream != null) {
					ResponseBodies.abort(stream);
				}
				response.close();
			}
			finally {
				deadline.close();
			}
			throw failed(observation, this.failures.translateReadFailure(description.get(), ex, deadline));
		}
	}

	/** Ends an observation with the error it failed with; returns the error. */
	private static <E extends Throwable> E failed(Observation observation, E error) {
		observation.error(error);
		observation.stop();
		return error;
	}

	/**
	 * The statement as UTF-8, refused if it holds an unpaired surrogate: the encoder
	 * would send it as {@code ?}, which can change what the statement addresses.
	 */
	private static byte[] encode(String sql, Supplier<String> description) {
		int surrogate = CnosSql.indexOfUnpairedSurrogate(sql);
		if (surrogate >= 0) {
			throw new InvalidDataAccessApiUsageException("Cannot send the statement while " + description.get()
					+ ": SQL text " + CnosSql.unpairedSurrogate(surrogate));
		}
		return sql.getBytes(StandardCharsets.UTF_8);
	}

	/** {@code POST /api/v1/sql} of a statement, as the server's user, asking for CSV. */
	private RestClient.RequestBodySpec statement(RestClient client, byte[] sql, String database, String tenant) {
		return client.post()
			.uri(SQL_PATH + "?db={db}&tenant={tenant}", database, tenant)
			.header(HttpHeaders.AUTHORIZATION, this.credentials.authorization())
			.header(HttpHeaders.ACCEPT, ACCEPT_CSV)
			.contentType(TEXT_UTF8)
			.body(sql);
	}

	/** Buffers to encode write bodies into, shared by the templates of this client. */
	public EncodeBuffers encodeBuffers() {
		return this.encodeBuffers;
	}

	/**
	 * Posts the line protocol in {@code bytes[0 .. length)}, compressed as configured,
	 * with a {@code Content-Length}; returns when the server has acknowledged it. The
	 * array is sent as it is, without a copy, where the request factory streams.
	 * @param description what is being done, for messages
	 */
	public void write(byte[] bytes, int length, String database, String tenant, CnosPrecision precision,
			Supplier<String> description) {
		WriteBodies.Body body = (this.writeCompression == CnosWriteCompression.GZIP)
				? WriteBodies.gzip(bytes, length, this.writeCompressionLevel) : new WriteBodies.Body(bytes, length);
		this.observations.write(database, tenant, length)
			.observe(() -> send(body, database, tenant, precision, description));
	}

	private void send(WriteBodies.Body body, String database, String tenant, CnosPrecision precision,
			Supplier<String> description) {
		String encoding = (this.writeCompression == CnosWriteCompression.GZIP) ? "gzip" : null;
		call(description, () -> this.restClient.post()
			.uri(WRITE_PATH + "?db={db}&tenant={tenant}&precision={precision}", database, tenant, precision.wireValue())
			.header(HttpHeaders.AUTHORIZATION, this.credentials.authorization())
			.contentType(TEXT_UTF8)
			.headers((headers) -> {
				if (encoding != null) {
					headers.set(HttpHeaders.CONTENT_ENCODING, encoding);
				}
			})
			.httpRequest((request) -> WriteBodies.writeTo(request, body))
			.exchange((request, clientResponse) -> {
				this.answers.checked(clientResponse, description);
				this.answers.finishWriteAnswer(clientResponse.getBody());
				return null;
			}));
	}

	/**
	 * Asks the server whether it is healthy, over a client whose connect and read
	 * timeouts are bounded by the given timeout; sends no credentials.
	 */
	public CnosPing ping(Duration timeout) {
		return this.observations.ping().observe(() -> pingWithin(timeout));
	}

	private CnosPing pingWithin(Duration timeout) {
		Supplier<String> description = () -> "pinging the server";
		try (StatementDeadline deadline = StatementDeadline.start(timeout, PING_DEADLINE_ADVICE)) {
			return CallTimeoutRequestFactory.withTimeout(timeout,
					() -> call(description, deadline,
							() -> this.pingClient.get()
								.uri(PING_PATH)
								.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
								.exchange((request, response) -> {
									try (ClientHttpResponse checked = this.answers.checked(response, description)) {
										InputStream body = checked.getBody();
										deadline.watch(body);
										return readPing(body.readNBytes(Answers.MAX_ERROR_BODY), description);
									}
								})));
		}
	}

	/**
	 * Runs {@code sql} as the configured user over the same bounded client as
	 * {@link #ping(Duration)}, and reads the answer to its end within the timeout: the
	 * check a health indicator makes that the credentials work, since a ping sends none.
	 */
	public void validate(String sql, String database, String tenant, Duration timeout) {
		this.observations.statement(sql, database, tenant)
			.observe(() -> validateWithin(sql, database, tenant, timeout));
	}

	private void validateWithin(String sql, String database, String tenant, Duration timeout) {
		Supplier<String> description = () -> "checking that the user can run " + sql;
		try (StatementDeadline deadline = StatementDeadline.start(timeout, PING_DEADLINE_ADVICE)) {
			CallTimeoutRequestFactory.withTimeout(timeout,
					() -> call(description, deadline,
							() -> statement(this.pingClient, encode(sql, description), database, tenant)
								.exchange((request, response) -> {
									try (ClientHttpResponse checked = this.answers
										.requireCsv(this.answers.checked(response, description), description)) {
										InputStream body = checked.getBody();
										deadline.watch(body);
										StreamUtils.drain(body);
										return null;
									}
								})));
		}
	}

	private CnosPing readPing(byte[] body, Supplier<String> description) {
		try {
			Map<?, ?> ping = JSON.readValue(body, Map.class);
			return new CnosPing(text(ping.get("version")), text(ping.get("status")));
		}
		catch (JacksonException ex) {
			throw new DataRetrievalFailureException("CnosDB at " + this.displayUrl
					+ " answered with something other than its ping JSON while " + description.get(), ex);
		}
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private <T> T call(Supplier<String> description, Call<T> call) {
		try {
			return call.run();
		}
		catch (ResourceAccessException ex) {
			throw this.failures.ioFailure(description.get(), ex);
		}
	}

	/**
	 * Like {@link #call(String, Call)}, reporting a failure past the deadline as its
	 * expiry.
	 */
	private <T> T call(Supplier<String> description, StatementDeadline deadline, Call<T> call) {
		try {
			return call.run();
		}
		catch (ResourceAccessException ex) {
			throw deadline.expired() ? this.failures.deadlineExpired(description.get(), deadline, ex)
					: this.failures.ioFailure(description.get(), ex);
		}
		catch (RuntimeException ex) {
			if (deadline.expired() && !(ex instanceof DataAccessException)) {
				throw this.failures.deadlineExpired(description.get(), deadline, ex);
			}
			throw ex;
		}
	}

	/**
	 * The exception for a failure while reading an answer, naming an expired deadline or
	 * a row too large.
	 */
	DataAccessException translateReadFailure(Supplier<String> description, Exception ex, StatementDeadline deadline) {
		return this.failures.translateReadFailure(description.get(), ex, deadline);
	}

	@FunctionalInterface
	private interface Call<T> {

		@Nullable T run();

	}

}
