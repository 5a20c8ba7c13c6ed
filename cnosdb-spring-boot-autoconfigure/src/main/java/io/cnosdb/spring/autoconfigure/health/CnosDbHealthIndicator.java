package io.cnosdb.spring.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosNode;
import io.cnosdb.spring.core.http.CnosPing;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for CnosDB: pings the server ({@code GET /api/v1/ping}, which
 * needs no credentials) for its version, then runs {@value CnosTemplate#VALIDATION_QUERY}
 * as the client's user on the given database and tenant
 * ({@link CnosNode#validate(String, String, String, Duration)}), each with a short
 * timeout of its own, so a hanging server makes the health check DOWN quickly instead of
 * holding it for a query's read timeout. The statement is what tells the truth about the
 * application: a server that answers its ping but refuses the credentials (or the tenant)
 * serves none of its calls. CnosDB runs the statement without looking at the database, so
 * a missing database does not show here.
 * <p>
 * UP carries the server's {@code version}. DOWN carries the {@code reason}, the
 * {@code version} when the ping answered, and, when the server answered with an error,
 * its {@code httpStatus} and CnosDB {@code errorCode}. No detail ever holds the user's
 * password or the Authorization header.
 * <p>
 * For the nodes of a cluster, each node is checked so, one after the other, and shown
 * under {@code nodes}, keyed by its URL, with its own {@code status} and the details
 * above. The whole is UP while at least one node serves, as the client then does, and
 * DOWN when none does. It is one indicator for one service, with the nodes in its
 * details, as Spring Boot's Couchbase indicator lists a cluster's endpoints and its
 * Elasticsearch indicator stays UP for a cluster that lost a node (yellow); a composite
 * of one indicator per node would be DOWN as soon as one node is. Each check also tells
 * the client: a node that answers is given requests again, one that cannot be reached is
 * held down.
 */
public class CnosDbHealthIndicator extends AbstractHealthIndicator {

	private final CnosHttpClient client;

	private final String database;

	private final String tenant;

	private final Duration timeout;

	/**
	 * Creates an indicator of the server a template uses, checked on the template's
	 * database and tenant.
	 * @param template the template whose server to ping
	 * @param timeout the longest wait to connect, and again for the answer
	 */
	public CnosDbHealthIndicator(CnosTemplate template, Duration timeout) {
		this(template.getHttpClient(), template.getDatabase(), template.getTenant(), timeout);
	}

	/**
	 * Creates an indicator of the server a client sends to.
	 * @param client the client whose server to ping
	 * @param database the database the validation statement addresses
	 * @param tenant the tenant the validation statement addresses
	 * @param timeout the longest wait to connect, and again for the answer
	 */
	public CnosDbHealthIndicator(CnosHttpClient client, String database, String tenant, Duration timeout) {
		super("CnosDB health check failed");
		Assert.notNull(client, "Client must not be null");
		Assert.hasText(database, "Database must not be empty");
		Assert.hasText(tenant, "Tenant must not be empty");
		Assert.notNull(timeout, "Timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
		this.client = client;
		this.database = database;
		this.tenant = tenant;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<CnosNode> nodes = this.client.nodes();
		if (nodes.size() == 1) {
			check(nodes.get(0), builder);
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		boolean serving = false;
		for (CnosNode node : nodes) {
			Health.Builder nodeBuilder = Health.unknown();
			check(node, nodeBuilder);
			Health health = nodeBuilder.build();
			Map<String, Object> nodeDetails = new LinkedHashMap<>();
			nodeDetails.put("status", health.getStatus().getCode());
			nodeDetails.putAll(health.getDetails());
			details.put(node.url(), nodeDetails);
			serving |= Status.UP.equals(health.getStatus());
		}
		builder.status(serving ? Status.UP : Status.DOWN).withDetail("nodes", details);
	}

	private void check(CnosNode node, Health.Builder builder) {
		try {
			CnosPing ping = node.ping(this.timeout);
			builder.withDetail("version", ping.version());
			if (!ping.isHealthy()) {
				builder.down().withDetail("reason", "CnosDB reported status '" + ping.status() + "'");
				return;
			}
			node.validate(CnosTemplate.VALIDATION_QUERY, this.database, this.tenant, this.timeout);
			builder.up();
		}
		catch (DataAccessException ex) {
			builder.down().withDetail("reason", ex.getMessage());
			if (ex instanceof CnosServerFailure failure) {
				builder.withDetail("httpStatus", failure.getStatusCode());
				if (failure.getErrorCode() != null) {
					builder.withDetail("errorCode", failure.getErrorCode());
				}
			}
		}
	}

}
