package io.cnosdb.spring.core.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One server a {@link CnosHttpClient} sends to: the only one, or one node of a cluster
 * ({@link CnosHttpClientBuilder#urls(java.util.List)}). It tells whether the client sends
 * requests to the node now, the version its last ping reported and its last error, and
 * pings or checks that node alone, for a health indicator or meters.
 * <p>
 * A node of a cluster that fails is held down, skipped by requests, for a backoff; once
 * it has passed, the node is pinged before it gets requests again. Pings and checks made
 * through this class count too: one that the node answers makes it available at once, one
 * that cannot reach it holds it down. The only node of a client is always available:
 * there is nowhere else to send.
 */
public final class CnosNode {

	private final NodeClient client;

	private final NodeState state;

	CnosNode(NodeClient client, NodeState state) {
		this.client = client;
		this.state = state;
	}

	/** The node's URL, without any user information. */
	public String url() {
		return this.client.displayUrl();
	}

	/**
	 * Whether the client sends requests to the node: {@code false} while it is held down
	 * after a failure.
	 */
	public boolean isAvailable() {
		return this.state.isAvailable();
	}

	/** The version the node's last ping reported, or {@code null} before one answered. */
	public @Nullable String version() {
		return this.state.version();
	}

	/**
	 * The message of the node's last failure (free of credentials), or {@code null} if it
	 * has not failed; kept after the node is available again.
	 */
	public @Nullable String lastError() {
		return this.state.lastError();
	}

	/** How many requests this node failed to take that went on to another node. */
	public long failovers() {
		return this.state.failovers();
	}

	/**
	 * Pings this node alone, as {@link CnosHttpClient#ping(Duration)} pings the client's
	 * servers; a healthy answer makes it available, no answer or another status holds it
	 * down.
	 * @param timeout the longest wait to connect, and again for the answer
	 */
	public CnosPing ping(Duration timeout) {
		try {
			CnosPing ping = this.client.ping(timeout);
			if (ping.isHealthy()) {
				this.state.pinged(ping.version());
			}
			else {
				this.state.failed("CnosDB at " + url() + " reported status '" + ping.status() + "'");
			}
			return ping;
		}
		catch (RuntimeException ex) {
			recordFailure(ex);
			throw ex;
		}
	}

	/**
	 * Runs a statement on this node alone, as
	 * {@link CnosHttpClient#validate(String, String, String, Duration)} does on the
	 * client's servers; a failure to reach the node holds it down, a refusal (such as of
	 * the credentials) does not.
	 */
	public void validate(String sql, String database, String tenant, Duration timeout) {
		try {
			this.client.validate(sql, database, tenant, timeout);
		}
		catch (RuntimeException ex) {
			recordFailure(ex);
			throw ex;
		}
	}

	private void recordFailure(RuntimeException ex) {
		if (NodeFailure.of(ex).isNodeFailure()) {
			this.state.failed(ex);
		}
	}

	NodeClient client() {
		return this.client;
	}

	NodeState state() {
		return this.state;
	}

	@Override
	public String toString() {
		return url();
	}

}
