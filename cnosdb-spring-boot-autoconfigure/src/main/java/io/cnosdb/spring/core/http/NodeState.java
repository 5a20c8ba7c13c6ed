package io.cnosdb.spring.core.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Whether the client sends requests to one node of a cluster: available until it fails,
 * then skipped for a backoff (Spring's {@link BackOff}: exponential, with jitter) that
 * grows with each failure in a row and ends with the next request it answers. Also keeps
 * the node's last error, the version its last ping reported, whether a probe of it is
 * under way, and how many requests moved from it to another node.
 * <p>
 * Failures that come together, such as the requests in flight when a node dies, are one
 * failure: a failure while the node is already held down keeps its backoff. The state of
 * the only node of a client never changes, since there is nowhere else to send.
 */
final class NodeState {

	private final boolean tracked;

	private final BackOff backOff;

	private final LongSupplier nanoClock;

	private final Object monitor = new Object();

	private volatile boolean available = true;

	/** When the backoff ends, on the clock; guarded by the monitor. */
	private long downUntil;

	/** The backoff of the current run of failures; guarded by the monitor. */
	private @Nullable BackOffExecution backOffExecution;

	private volatile @Nullable String lastError;

	private volatile @Nullable String version;

	private final AtomicBoolean probing = new AtomicBoolean();

	private final LongAdder failovers = new LongAdder();

	/**
	 * @param tracked whether failures hold the node down, {@code false} for the only node
	 * of a client
	 * @param backOff how long the node is skipped after each failure in a row
	 * @param nanoClock the time, in nanoseconds, as {@link System#nanoTime()} tells it
	 */
	NodeState(boolean tracked, BackOff backOff, LongSupplier nanoClock) {
		this.tracked = tracked;
		this.backOff = backOff;
		this.nanoClock = nanoClock;
	}

	/** Whether requests go to the node: it has not failed since it last answered. */
	boolean isAvailable() {
		return this.available;
	}

	/** Whether the node is held down and its backoff has passed, so it may be probed. */
	boolean isDue() {
		synchronized (this.monitor) {
			return !this.available && this.nanoClock.getAsLong() - this.downUntil >= 0;
		}
	}

	/** When the node's backoff ends, on the clock; for nodes held down. */
	long downUntil() {
		synchronized (this.monitor) {
			return this.downUntil;
		}
	}

	/**
	 * The node failed: holds it down for the next backoff, unless it is held down already
	 * by a failure whose backoff has not passed.
	 */
	void failed(Throwable failure) {
		failed((failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName());
	}

	/**
	 * Like {@link #failed(Throwable)}, with what went wrong.
	 */
	void failed(String error) {
		if (!this.tracked) {
			return;
		}
		synchronized (this.monitor) {
			this.lastError = error;
			long now = this.nanoClock.getAsLong();
			if (this.available || now - this.downUntil >= 0) {
				BackOffExecution execution = this.backOffExecution;
				if (execution == null) {
					execution = this.backOff.start();
					this.backOffExecution = execution;
				}
				this.downUntil = now + TimeUnit.MILLISECONDS.toNanos(execution.nextBackOff());
				this.available = false;
			}
		}
	}

	/** The node answered: it is available again, and its next failure starts afresh. */
	void answered() {
		if (!this.available) {
			synchronized (this.monitor) {
				this.available = true;
				this.backOffExecution = null;
			}
		}
	}

	/** The node answered a ping with this version. */
	void pinged(String version) {
		this.version = version;
		answered();
	}

	/**
	 * Claims the probe of the node, so that one request probes it while the others go
	 * elsewhere; {@code false} if another request probes it.
	 */
	boolean startProbe() {
		return this.probing.compareAndSet(false, true);
	}

	void endProbe() {
		this.probing.set(false);
	}

	/** A request that failed on the node moved on to another node. */
	void failedOver() {
		this.failovers.increment();
	}

	long failovers() {
		return this.failovers.sum();
	}

	@Nullable String lastError() {
		return this.lastError;
	}

	@Nullable String version() {
		return this.version;
	}

}
