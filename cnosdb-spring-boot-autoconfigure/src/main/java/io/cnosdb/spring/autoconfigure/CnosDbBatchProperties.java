package io.cnosdb.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolSync;

import org.springframework.util.unit.DataSize;

/**
 * The batching writer ({@link CnosBatchWriter}), under {@code cnosdb.write.batch}.
 */
public class CnosDbBatchProperties {

	/**
	 * Whether to create a CnosBatchWriter bean that batches points and writes them in the
	 * background.
	 */
	private boolean enabled = false;

	/**
	 * Most points per write request.
	 */
	private int size = 5000;

	/**
	 * Size at which a batch is sent even with fewer points.
	 */
	private DataSize maxBytes = DataSize.ofMegabytes(8);

	/**
	 * Most points held by the writer, including those being sent.
	 */
	private int bufferLimit = 100000;

	/**
	 * Most bytes of line protocol held by the writer, including those being sent.
	 */
	private DataSize bufferLimitBytes = DataSize.ofMegabytes(64);

	/**
	 * Longest time a point waits before its batch is sent.
	 */
	private Duration flushInterval = Duration.ofSeconds(1);

	/**
	 * How many times a batch that failed transiently (I/O error, timeout, HTTP 5xx, rate
	 * limit) is sent again before it goes to the failure handler.
	 */
	private int maxRetries = 5;

	/**
	 * Backoff before the first retry; doubled for each next one, with jitter.
	 */
	private Duration retryBackoffInitial = Duration.ofMillis(200);

	/**
	 * Longest backoff between retries.
	 */
	private Duration retryBackoffMax = Duration.ofSeconds(10);

	/**
	 * What a write does when the buffer (or the spool) is full: wait for room up to the
	 * block timeout, fail at once, or, with a spool only, drop its oldest segment of
	 * unsent points.
	 */
	private CnosBatchWriter.Backpressure backpressure = CnosBatchWriter.Backpressure.BLOCK;

	/**
	 * How long a write waits for room in a full buffer before failing.
	 */
	private Duration blockTimeout = Duration.ofSeconds(30);

	/**
	 * Longest time closing the writer (at shutdown) waits for buffered points to be sent;
	 * past it, unsent batches go to the failure handler, or stay in the spool.
	 */
	private Duration closeTimeout = Duration.ofSeconds(30);

	private final Spool spool = new Spool();

	public Spool getSpool() {
		return this.spool;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getSize() {
		return this.size;
	}

	public void setSize(int size) {
		this.size = size;
	}

	public DataSize getMaxBytes() {
		return this.maxBytes;
	}

	public void setMaxBytes(DataSize maxBytes) {
		this.maxBytes = maxBytes;
	}

	public int getBufferLimit() {
		return this.bufferLimit;
	}

	public void setBufferLimit(int bufferLimit) {
		this.bufferLimit = bufferLimit;
	}

	public DataSize getBufferLimitBytes() {
		return this.bufferLimitBytes;
	}

	public void setBufferLimitBytes(DataSize bufferLimitBytes) {
		this.bufferLimitBytes = bufferLimitBytes;
	}

	public Duration getFlushInterval() {
		return this.flushInterval;
	}

	public void setFlushInterval(Duration flushInterval) {
		this.flushInterval = flushInterval;
	}

	public int getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	public Duration getRetryBackoffInitial() {
		return this.retryBackoffInitial;
	}

	public void setRetryBackoffInitial(Duration retryBackoffInitial) {
		this.retryBackoffInitial = retryBackoffInitial;
	}

	public Duration getRetryBackoffMax() {
		return this.retryBackoffMax;
	}

	public void setRetryBackoffMax(Duration retryBackoffMax) {
		this.retryBackoffMax = retryBackoffMax;
	}

	public CnosBatchWriter.Backpressure getBackpressure() {
		return this.backpressure;
	}

	public void setBackpressure(CnosBatchWriter.Backpressure backpressure) {
		this.backpressure = backpressure;
	}

	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	public Duration getBlockTimeout() {
		return this.blockTimeout;
	}

	public void setBlockTimeout(Duration blockTimeout) {
		this.blockTimeout = blockTimeout;
	}

	/**
	 * The spool, under {@code cnosdb.write.batch.spool}: accepted points kept on disk
	 * until the server acknowledges them, so that they outlive an outage and a restart.
	 */
	public static class Spool {

		/**
		 * Directory of the spool; setting it turns the spool on. One writer at a time: a
		 * second one is refused. Points a previous run left unacknowledged are sent
		 * first. With a spool, the buffer limits and max retries do not apply: the
		 * spool's max size bounds the points held, and a transiently failing batch is
		 * sent again until it is written.
		 */
		private @Nullable Path dir;

		/**
		 * Most bytes of points (each its line of line protocol and a 16-byte header) the
		 * spool holds; the backpressure decides what a write does past it.
		 */
		private DataSize maxSize = DataSize.ofGigabytes(1);

		/**
		 * When appended points are forced to the disk: 'write' before each write returns,
		 * 'interval' at most every sync interval, 'close' when a segment file is closed.
		 * An application crash loses nothing in any case; a power loss can lose what was
		 * not forced.
		 */
		private SpoolSync sync = SpoolSync.INTERVAL;

		/**
		 * Longest time between two syncs with 'interval'.
		 */
		private Duration syncInterval = Duration.ofSeconds(1);

		/**
		 * Age of the oldest unacknowledged point past which a backlog that keeps growing
		 * shows as 'growing' in the batch writer's health.
		 */
		private Duration stalledAfter = Duration.ofMinutes(1);

		public @Nullable Path getDir() {
			return this.dir;
		}

		public void setDir(@Nullable Path dir) {
			this.dir = dir;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public SpoolSync getSync() {
			return this.sync;
		}

		public void setSync(SpoolSync sync) {
			this.sync = sync;
		}

		public Duration getSyncInterval() {
			return this.syncInterval;
		}

		public void setSyncInterval(Duration syncInterval) {
			this.syncInterval = syncInterval;
		}

		public Duration getStalledAfter() {
			return this.stalledAfter;
		}

		public void setStalledAfter(Duration stalledAfter) {
			this.stalledAfter = stalledAfter;
		}

		/** The writer's spool settings, or {@code null} if the spool is off. */
		@Nullable SpoolSettings toSettings() {
			return (this.dir != null) ? SpoolSettings.of(this.dir, this.maxSize.toBytes(), this.sync, this.syncInterval)
					: null;
		}

	}

}
