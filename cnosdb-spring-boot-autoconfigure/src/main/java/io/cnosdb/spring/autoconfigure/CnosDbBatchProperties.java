package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

import io.cnosdb.spring.core.batch.CnosBatchWriter;

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
	 * What a write does when the buffer is full: wait for room up to the block timeout,
	 * or fail at once.
	 */
	private CnosBatchWriter.Backpressure backpressure = CnosBatchWriter.Backpressure.BLOCK;

	/**
	 * How long a write waits for room in a full buffer before failing.
	 */
	private Duration blockTimeout = Duration.ofSeconds(30);

	/**
	 * Longest time closing the writer (at shutdown) waits for buffered points to be sent;
	 * past it, unsent batches go to the failure handler.
	 */
	private Duration closeTimeout = Duration.ofSeconds(30);

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

}
