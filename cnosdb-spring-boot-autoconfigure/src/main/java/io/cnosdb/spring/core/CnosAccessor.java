package io.cnosdb.spring.core;

import java.time.Duration;

import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosPing;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.util.Assert;

/**
 * What a {@link CnosTemplate} is bound to, in the manner of {@code JdbcAccessor}: the
 * HTTP client its requests go through, whether it owns that client, and the tenant and
 * database it addresses; plus the checks of the connection a health indicator makes.
 */
public abstract class CnosAccessor implements AutoCloseable {

	/** The statement {@link #validate(Duration)} runs. */
	public static final String VALIDATION_QUERY = "SELECT 1";

	private final CnosHttpClient client;

	private final boolean ownsClient;

	private final String database;

	private final String tenant;

	CnosAccessor(CnosHttpClient client, boolean ownsClient, String database, String tenant) {
		Assert.notNull(client, "CnosHttpClient must not be null");
		this.client = client;
		this.ownsClient = ownsClient;
		this.database = CnosSql.validateName("database", database);
		this.tenant = CnosSql.validateName("tenant", tenant);
	}

	/** The database statements and writes address. */
	public String getDatabase() {
		return this.database;
	}

	/** The tenant statements and writes address. */
	public String getTenant() {
		return this.tenant;
	}

	/**
	 * The HTTP client requests go through, shared by the templates made from this one.
	 */
	public CnosHttpClient getHttpClient() {
		return this.client;
	}

	/**
	 * Asks the server whether it is up, with {@code GET /api/v1/ping}, which needs no
	 * credentials and sends none. Unlike statements, a ping waits at most {@code timeout}
	 * to connect and at most {@code timeout} for the answer, whatever the template's own
	 * timeouts, so a health check stays short when the server hangs.
	 * @param timeout the longest wait to connect, and again for the answer
	 * @return the server's version and status
	 * @throws org.springframework.dao.DataAccessException when the server is unreachable,
	 * too slow ({@link org.springframework.dao.QueryTimeoutException}) or answers with an
	 * error (an exception implementing
	 * {@link io.cnosdb.spring.core.exception.CnosServerFailure})
	 */
	public CnosPing ping(Duration timeout) {
		checkTimeout(timeout);
		return this.client.ping(timeout);
	}

	/**
	 * Checks that the template's user can run a statement on its database and tenant:
	 * runs {@value #VALIDATION_QUERY} with the template's credentials, bounded by
	 * {@code timeout} as {@link #ping(Duration)} is. A ping proves the server is up; only
	 * a statement proves that the credentials and the tenant work, as Spring Boot's
	 * DataSource health check runs a validation query for the same reason.
	 * @param timeout the longest wait to connect, and again for the answer
	 * @throws org.springframework.dao.DataAccessException when the statement fails, such
	 * as {@link io.cnosdb.spring.core.exception.CnosPermissionDeniedException} for
	 * credentials the server refuses
	 */
	public void validate(Duration timeout) {
		checkTimeout(timeout);
		this.client.validate(VALIDATION_QUERY, this.database, this.tenant, timeout);
	}

	private static void checkTimeout(Duration timeout) {
		Assert.notNull(timeout, "Timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
	}

	/**
	 * The server's URL, without any user information; for a cluster, the nodes' URLs in
	 * their order, separated by {@code ", "}.
	 */
	public String getUrl() {
		return this.client.displayUrl();
	}

	/** The user requests authenticate as. */
	public String getUser() {
		return this.client.credentials().user();
	}

	/**
	 * Closes the HTTP client if this template built it; a template over a given client,
	 * and one made by {@link #withDatabase(String)} or {@link #withTenant(String)}, leave
	 * the client open.
	 */
	@Override
	public void close() {
		if (this.ownsClient) {
			this.client.close();
		}
	}

	/** The database and tenant, for messages. */
	String scope() {
		return "database '" + CnosMessageValues.abbreviate(this.database) + "' of tenant '"
				+ CnosMessageValues.abbreviate(this.tenant) + "'";
	}

}
