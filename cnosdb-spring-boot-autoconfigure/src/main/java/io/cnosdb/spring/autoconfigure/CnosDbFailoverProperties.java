package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

/**
 * How the client treats a node of a cluster ({@code cnosdb.urls}) that fails, under
 * {@code cnosdb.failover}; without effect for one server.
 */
public class CnosDbFailoverProperties {

	/**
	 * How long a node that failed is skipped after its first failure; each failure in a
	 * row doubles it, up to the longest backoff. Once it has passed, the node is pinged
	 * before it gets requests again.
	 */
	private Duration backoffInitial = Duration.ofSeconds(1);

	/**
	 * Longest time a node that keeps failing is skipped.
	 */
	private Duration backoffMax = Duration.ofSeconds(30);

	/**
	 * How far each backoff moves at random, scaled as the backoff doubles (never below
	 * the first backoff nor above the longest), so that clients that lost a node together
	 * do not all come back to it at the same moment.
	 */
	private Duration backoffJitter = Duration.ofMillis(500);

	/**
	 * Longest time the ping of a node whose backoff has passed waits to connect, and
	 * again for the answer, before the node gets requests again.
	 */
	private Duration probeTimeout = Duration.ofSeconds(2);

	public Duration getBackoffInitial() {
		return this.backoffInitial;
	}

	public void setBackoffInitial(Duration backoffInitial) {
		this.backoffInitial = backoffInitial;
	}

	public Duration getBackoffMax() {
		return this.backoffMax;
	}

	public void setBackoffMax(Duration backoffMax) {
		this.backoffMax = backoffMax;
	}

	public Duration getBackoffJitter() {
		return this.backoffJitter;
	}

	public void setBackoffJitter(Duration backoffJitter) {
		this.backoffJitter = backoffJitter;
	}

	public Duration getProbeTimeout() {
		return this.probeTimeout;
	}

	public void setProbeTimeout(Duration probeTimeout) {
		this.probeTimeout = probeTimeout;
	}

}
