package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.cnosdb.spring.core.result.CsvResultReader;
import io.cnosdb.spring.core.result.CsvResultReader.ServerErrorException;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;

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
 * The requests to one CnosDB server, the one node of a single server or one node of a
 * cluster: statements, writes and pings over a {@link RestClient} whose base URL is the
 * node's, each observed with the node as the server, each failure a
 * {@link DataAccessException} naming the node.
 */
final class NodeClient {

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String QUERY_DEADLINE_ADVICE = "the deadline covers sending the statement, the server's work "
			+ "and reading every row, time spent in row callbacks and stream steps included: narrow the statement, "
			+ "or raise the query timeout (cnosdb.query-timeout)";

	private static final String PING_DEADLINE_ADVICE = "raise the timeout (cnosdb.health.timeout for the health check)";

	private final String displayUrl;

	private final RestClient restClient;

	/**
	 * One client for pings and health checks of every timeout: each call sets its own.
	 */
	private final RestClient pingClient;

	private final CnosCredentials credentials;

	private final HttpFailures failures;

	private final Answers answers;

	private final ClientObservations observations;

	private final CnosWriteCompression writeCompression;

	private final Duration queryTimeout;

	private final int maxRowSize;

	/** What a read failure of an answer tells about the node. */
	private final NodeState state;

	NodeClient(CnosHttpClientBuilder builder, String url, RestClient restClient, RestClient pingClient,
			CnosCredentials credentials, NodeState state) {
		this.displayUrl = CnosMessageValues.withoutUserInfo(url);
		this.restClient = restClient;
		this.pingClient = pingClient;
		this.credentials = credentials;
		this.failures = new HttpFailures(this.displayUrl, builder.poolSize());
		this.answers = new Answers(this.displayUrl, credentials, builder.exceptionTranslator);
		this.observations = new ClientObservations(builder.observationRegistry, builder.observationConvention,
				this.displayUrl);
		this.writeCompression = builder.writeCompression;
		this.queryTimeout = builder.queryTimeout;
		this.maxRowSize = builder.maxRowSize;
		this.state = state;
	}

	/** The node's URL, without any user information. */
	String displayUrl() {
		return this.displayUrl;
	}

	/**
	 * The statement as UTF-8, refused if it holds an unpaired surrogate: the encoder
	 * would send it as {@code ?}, which can change what the statement addresses.
	 */
	static byte[] encode(String sql, Supplier<String> description) {
		int surrogate = CnosSql.indexOfUnpairedSurrogate(sql);
		if (surrogate >= 0) {
			throw new InvalidDataAccessApiUsageException("Cannot send the statement while " + description.get()
					+ ": SQL text " + CnosSql.unpairedSurrogate(surrogate));
		}
		return sql.getBytes(StandardCharsets.UTF_8);
	}

	/*
	 * Requests name their URI as a template with variables, so the http.client.requests
	 * observation gets one low-cardinality uri tag per endpoint rather than "none".
	 */

	/**
	 * Posts a statement, already encoded, and opens the CSV answer for reading; the
	 * caller closes it. The statement's observation ends when its answer is read to its
	 * end or closed.
	 */
	@SuppressWarnings("try") // The scope makes the observation the current one.
	QueryResult query(byte[] body, String sql, String database, String tenant, Supplier<String> description) {
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
			throw failed(observation, translateReadFailure(description, ex, deadline));
		}
	}

	/** Ends an observation with the error it failed with; returns the error. */
	private static <E extends Throwable> E failed(Observation observation, E error) {
		observation.error(error);
		observation.stop();
		return error;
	}

	/**
	 * {@code POST /api/v1/sql} of a statement, as the server's user, asking for CSV sent
	 * as it is produced: without {@code chunked=true} the server collects every record
	 * batch before it answers, so the first row waits for the last and the whole result
	 * sits in its memory. Statements without rows are answered the same either way (an
	 * empty CSV body).
	 * <p>
	 * Uncompressed: the server gzips each batch of a streamed answer as a gzip member of
	 * its own, and the JDK's {@code GZIPInputStream} (which HttpClient 5 decompresses
	 * with) takes the end of a member for the end of the body when the next batch has not
	 * arrived yet, so rows would be lost silently.
	 */
	private RestClient.RequestBodySpec statement(RestClient client, byte[] sql, String database, String tenant) {
		return client.post()
			.uri(CnosHttpClient.SQL_PATH + "?db={db}&tenant={tenant}&chunked=true", database, tenant)
			.header(HttpHeaders.AUTHORIZATION, this.credentials.authorization())
			.header(HttpHeaders.ACCEPT, CnosHttpClient.ACCEPT_CSV)
			.header(HttpHeaders.ACCEPT_ENCODING, "identity")
			.contentType(TEXT_UTF8)
			.body(sql);
	}

	/**
	 * Posts line protocol, compressed as configured, observed as a write of
	 * {@code length} bytes; returns when the node has acknowledged it.
	 */
	void write(WriteBodies.Body body, int length, String database, String tenant, CnosPrecision precision,
			Supplier<String> description) {
		this.observations.write(database, tenant, length)
			.observe(() -> send(body, database, tenant, precision, description));
	}

	private void send(WriteBodies.Body body, String database, String tenant, CnosPrecision precision,
			Supplier<String> description) {
		String encoding = (this.writeCompression == CnosWriteCompression.GZIP) ? "gzip" : null;
		call(description,
				() -> this.restClient.post()
					.uri(CnosHttpClient.WRITE_PATH + "?db={db}&tenant={tenant}&precision={precision}", database, tenant,
							precision.wireValue())
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
	 * Asks the node whether it is healthy, over a client whose connect and read timeouts
	 * are bounded by the given timeout; sends no credentials.
	 */
	CnosPing ping(Duration timeout) {
		return this.observations.ping().observe(() -> pingWithin(timeout));
	}

	private CnosPing pingWithin(Duration timeout) {
		Supplier<String> description = () -> "pinging the server";
		try (StatementDeadline deadline = StatementDeadline.start(timeout, PING_DEADLINE_ADVICE)) {
			return CallTimeoutRequestFactory.withTimeout(timeout,
					() -> call(description, deadline,
							() -> this.pingClient.get()
								.uri(CnosHttpClient.PING_PATH)
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
	 * {@link #ping(Duration)}, and reads the answer to its end within the timeout.
	 */
	void validate(String sql, String database, String tenant, Duration timeout) {
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
	 * Like {@link #call(Supplier, Call)}, reporting a failure past the deadline as its
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
	 * a row too large, or the translated error the server ended the answer with. A
	 * connection lost midway, the deadline aside, holds the node down: the rows read so
	 * far came from it, and the answer is not read again elsewhere.
	 */
	DataAccessException translateReadFailure(Supplier<String> description, Exception ex, StatementDeadline deadline) {
		if (ex instanceof ServerErrorException serverError) {
			// The server's own account of the statement's failure: the node is well.
			return this.answers.translateServerError(description, serverError);
		}
		DataAccessException failure = this.failures.translateReadFailure(description.get(), ex, deadline);
		if (!deadline.expired() && NodeFailure.of(failure).isNodeFailure()) {
			this.state.failed(failure);
		}
		return failure;
	}

	@FunctionalInterface
	private interface Call<T> {

		@Nullable T run();

	}

}
