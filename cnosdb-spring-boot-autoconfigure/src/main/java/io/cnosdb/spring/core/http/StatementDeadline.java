package io.cnosdb.spring.core.http;

import io.cnosdb.spring.core.support.CnosTimeouts;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The overall deadline of one statement, from sending it to reading its last row. The
 * socket read timeout bounds each wait for data, so an answer that trickles in a byte at
 * a time never reaches it; past the deadline the answer's body is aborted, which fails
 * the read in progress.
 */
public final class StatementDeadline implements AutoCloseable {

	private final Duration timeout;

	private final String setting;

	private final ScheduledFuture<?> expiry;

	private volatile boolean expired;

	private volatile @Nullable InputStream body;

	private StatementDeadline(Duration timeout, String setting) {
		this.timeout = timeout;
		this.setting = setting;
		this.expiry = Timer.INSTANCE.schedule(this::expire, CnosTimeouts.millis(timeout), TimeUnit.MILLISECONDS);
	}

	/**
	 * @param setting what to do about an expired deadline, for messages
	 */
	static StatementDeadline start(Duration timeout, String setting) {
		return new StatementDeadline(timeout, setting);
	}

	Duration timeout() {
		return this.timeout;
	}

	String setting() {
		return this.setting;
	}

	/** Aborts {@code body} when the deadline passes, or at once if it has passed. */
	void watch(InputStream body) {
		this.body = body;
		if (this.expired) {
			ResponseBodies.abort(body);
		}
	}

	boolean expired() {
		return this.expired;
	}

	private void expire() {
		this.expired = true;
		InputStream body = this.body;
		if (body != null) {
			ResponseBodies.abort(body);
		}
	}

	@Override
	public void close() {
		this.expiry.cancel(false);
		this.body = null;
	}

	/**
	 * One daemon thread for every template's deadlines: it only aborts, which is quick.
	 */
	private static final class Timer {

		static final ScheduledThreadPoolExecutor INSTANCE = create();

		private static ScheduledThreadPoolExecutor create() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "cnosdb-statement-deadline");
				thread.setDaemon(true);
				return thread;
			});
			// Statements end before their deadline; their cancelled expiries must not
			// pile up.
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

}
