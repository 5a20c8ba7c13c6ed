package io.cnosdb.spring.core.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.sql.SqlStatements;

/**
 * The context of an observation of one request to CnosDB: a statement, a write or a ping.
 * A client span (as OpenTelemetry wants database calls) whose remote service is
 * {@code cnosdb}; it carries no headers, which the {@code http.client.requests}
 * observation nested inside it propagates.
 * <p>
 * A statement is held as the client sent it but handed out only
 * {@linkplain #getQueryText() with its literals masked}: statements that create users
 * carry passwords, and no convention should be able to publish them.
 */
public class CnosObservationContext extends SenderContext<Object> {

	private final Operation operation;

	private final @Nullable String statement;

	private final @Nullable String database;

	private final @Nullable String tenant;

	private final String serverAddress;

	private final int serverPort;

	private final long bodySize;

	private @Nullable String queryText;

	private @Nullable String operationName;

	/**
	 * @param operation what the request does
	 * @param statement the statement as sent, or {@code null} for a write or a ping
	 * @param database the database addressed, or {@code null} for a ping
	 * @param tenant the tenant addressed, or {@code null} for a ping
	 * @param serverAddress the server's host
	 * @param serverPort the server's port
	 * @param bodySize the bytes of line protocol of a write (before compression), or
	 * {@code -1}
	 */
	public CnosObservationContext(Operation operation, @Nullable String statement, @Nullable String database,
			@Nullable String tenant, String serverAddress, int serverPort, long bodySize) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.operation = operation;
		this.statement = statement;
		this.database = database;
		this.tenant = tenant;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.bodySize = bodySize;
		setRemoteServiceName("cnosdb");
	}

	/** The context of a statement sent to {@code /api/v1/sql}. */
	public static CnosObservationContext statement(String statement, String database, String tenant,
			String serverAddress, int serverPort) {
		return new CnosObservationContext(Operation.STATEMENT, statement, database, tenant, serverAddress, serverPort,
				-1);
	}

	/** The context of a write of line protocol to {@code /api/v1/write}. */
	public static CnosObservationContext write(String database, String tenant, long bodySize, String serverAddress,
			int serverPort) {
		return new CnosObservationContext(Operation.WRITE, null, database, tenant, serverAddress, serverPort, bodySize);
	}

	/** The context of a ping of {@code /api/v1/ping}. */
	public static CnosObservationContext ping(String serverAddress, int serverPort) {
		return new CnosObservationContext(Operation.PING, null, null, null, serverAddress, serverPort, -1);
	}

	/** What the request does. */
	public Operation getOperation() {
		return this.operation;
	}

	/**
	 * The name of the operation: the command a statement starts with ({@code SELECT},
	 * {@code CREATE}, ... or {@code OTHER}, see {@link SqlStatements#operationName}),
	 * {@code write} or {@code ping}; a bounded set of values.
	 */
	public String getOperationName() {
		if (this.operationName == null) {
			this.operationName = (this.statement != null) ? SqlStatements.operationName(this.statement)
					: this.operation.defaultName;
		}
		return this.operationName;
	}

	/**
	 * The statement with its string and number literals masked
	 * ({@link SqlStatements#maskLiterals(String)}), made on the first call; {@code null}
	 * for a write or a ping.
	 */
	public @Nullable String getQueryText() {
		if (this.queryText == null && this.statement != null) {
			this.queryText = SqlStatements.maskLiterals(this.statement);
		}
		return this.queryText;
	}

	/** The database addressed; {@code null} for a ping. */
	public @Nullable String getDatabase() {
		return this.database;
	}

	/** The tenant addressed; {@code null} for a ping. */
	public @Nullable String getTenant() {
		return this.tenant;
	}

	/** The server's host, as the client's URL names it. */
	public String getServerAddress() {
		return this.serverAddress;
	}

	/** The server's port: the URL's, or the scheme's default. */
	public int getServerPort() {
		return this.serverPort;
	}

	/**
	 * The bytes of line protocol a write sends, before any compression; {@code -1} for
	 * other requests.
	 */
	public long getBodySize() {
		return this.bodySize;
	}

	/** What a request to CnosDB does. */
	public enum Operation {

		/** A statement, {@code POST /api/v1/sql}. */
		STATEMENT("statement"),

		/** A write of line protocol, {@code POST /api/v1/write}. */
		WRITE("write"),

		/** A ping, {@code GET /api/v1/ping}. */
		PING("ping");

		private final String defaultName;

		Operation(String defaultName) {
			this.defaultName = defaultName;
		}

	}

}
