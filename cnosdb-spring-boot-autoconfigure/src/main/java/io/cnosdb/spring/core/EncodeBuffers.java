package io.cnosdb.spring.core;

import java.util.concurrent.atomic.AtomicReference;

import io.cnosdb.spring.core.write.LineProtocolBuffer;

/**
 * Lends buffers to encode write bodies into and keeps one returned buffer for the next write,
 * so that a template writing batch after batch reuses one array instead of allocating (and
 * zeroing) a body-sized one per call. Concurrent writes get buffers of their own.
 */
final class EncodeBuffers {

	/** A larger buffer is left to the garbage collector rather than held between writes. */
	static final int MAX_KEPT = 8 * 1024 * 1024;

	private final AtomicReference<LineProtocolBuffer> spare = new AtomicReference<>();

	/** An empty buffer, the kept one if it is free, else a new one of the expected size. */
	LineProtocolBuffer take(int expectedBytes) {
		LineProtocolBuffer buffer = this.spare.getAndSet(null);
		return (buffer != null) ? buffer : new LineProtocolBuffer(Math.min(expectedBytes, MAX_KEPT));
	}

	/** Takes back a buffer that is no longer used, keeping it if it is not too large. */
	void giveBack(LineProtocolBuffer buffer) {
		if (buffer.array().length <= MAX_KEPT) {
			buffer.reset();
			this.spare.set(buffer);
		}
	}

}
