package io.cnosdb.spring.core.http;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Which node each request goes to, and where it goes when that node fails: the first
 * available node in the configured order. A node whose backoff has passed is pinged
 * first, by one request while the others go on elsewhere, and gets the request if it
 * answers; so requests return to the first node once it is back. A request that did not
 * reach its node (a connection that was never made, a 503 answer) goes on to the next
 * node; one that failed after it was sent is not sent again, since the node may have
 * applied it: the node is held down and the failure thrown, for the caller (such as the
 * batch writer, which retries) to decide. When every node is held down, a request goes to
 * the one whose backoff ends first rather than failing unsent, as Elasticsearch's client
 * does: a node may be back before its backoff ends.
 * <p>
 * With one node there is nothing to choose: requests go to it, with no other work.
 */
final class NodeSelector {

	private final List<CnosNode> nodes;

	private final @Nullable CnosNode only;

	private final Duration probeTimeout;

	NodeSelector(List<CnosNode> nodes, Duration probeTimeout) {
		this.nodes = List.copyOf(nodes);
		this.only = (nodes.size() == 1) ? nodes.get(0) : null;
		this.probeTimeout = probeTimeout;
	}

	List<CnosNode> nodes() {
		return this.nodes;
	}

	/**
	 * Runs a request on a node, and on the next ones while it may move.
	 * @param description what the request does, for the message when no node took it
	 */
	<T> T execute(Function<NodeClient, T> request, Supplier<String> description) {
		CnosNode only = this.only;
		if (only != null) {
			return request.apply(only.client());
		}
		return failover(request, description);
	}

	private <T> T failover(Function<NodeClient, T> request, Supplier<String> description) {
		boolean[] tried = new boolean[this.nodes.size()];
		RuntimeException failure = null;
		CnosNode previous = null;
		while (true) {
			int index = next(tried, failure == null);
			if (index < 0) {
				throw noNodeTook(description, failure);
			}
			tried[index] = true;
			CnosNode node = this.nodes.get(index);
			if (previous != null) {
				previous.state().failedOver();
			}
			try {
				T result = request.apply(node.client());
				node.state().answered();
				return result;
			}
			catch (RuntimeException ex) {
				NodeFailure kind = NodeFailure.of(ex);
				if (!kind.isNodeFailure()) {
					throw ex;
				}
				node.state().failed(ex);
				if (failure != null) {
					ex.addSuppressed(failure);
				}
				if (!kind.mayMove()) {
					throw ex;
				}
				failure = ex;
				previous = node;
			}
		}
	}

	/**
	 * The index of the node for the next attempt, or -1 when none is left: the first
	 * available one not tried yet, or a held-down one whose backoff has passed and that
	 * answers a ping; failing both, if {@code lastResort}, the one whose backoff ends
	 * first.
	 */
	private int next(boolean[] tried, boolean lastResort) {
		for (int i = 0; i < tried.length; i++) {
			if (tried[i]) {
				continue;
			}
			NodeState state = this.nodes.get(i).state();
			if (state.isAvailable()) {
				return i;
			}
			if (state.isDue()) {
				if (probe(this.nodes.get(i))) {
					return i;
				}
				tried[i] = true;
			}
		}
		return lastResort ? soonestBack(tried) : -1;
	}

	/**
	 * Pings a node whose backoff has passed; {@code false} if it does not answer healthy,
	 * or if another request is probing it.
	 */
	private boolean probe(CnosNode node) {
		NodeState state = node.state();
		if (!state.startProbe()) {
			return false;
		}
		try {
			return node.ping(this.probeTimeout).isHealthy();
		}
		catch (RuntimeException ex) {
			// Held down again, with a longer backoff, by the ping.
			return false;
		}
		finally {
			state.endProbe();
		}
	}

	private int soonestBack(boolean[] tried) {
		int soonest = -1;
		long soonestUntil = 0;
		for (int i = 0; i < tried.length; i++) {
			if (!tried[i]) {
				long until = this.nodes.get(i).state().downUntil();
				if (soonest < 0 || until - soonestUntil < 0) {
					soonest = i;
					soonestUntil = until;
				}
			}
		}
		return soonest;
	}

	/**
	 * The failure when no node took the request: every node refused it, was held down, or
	 * did not answer its ping. It is a resource failure, so callers that retry what is
	 * transient retry it.
	 */
	private DataAccessResourceFailureException noNodeTook(Supplier<String> description,
			@Nullable RuntimeException failure) {
		StringJoiner nodes = new StringJoiner("; ");
		for (CnosNode node : this.nodes) {
			String error = node.lastError();
			nodes.add(node.url() + ((error != null) ? " (" + error + ")" : ""));
		}
		return new DataAccessResourceFailureException("None of the " + this.nodes.size()
				+ " CnosDB nodes took the request while " + description.get() + ": " + nodes, failure);
	}

}
