package io.cnosdb.spring.core.write;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Lends buffers to encode write bodies into and keeps one returned buffer for the next
 * write, so that a template writing batch after batch reuses one array instead of
 * allocating (and zeroing) a body-sized one per call. Concurrent writes get buffers of
 * their own. Also keeps one encoder per precision, so that the encoder's cache of escaped
 * names outlives a single write.
 */
public final class EncodeBuffers {

	/**
	 * A larger buffer is left to the garbage collector rather than held between writes.
	 */
	public static final int MAX_KEPT = 8 * 1024 * 1024;

	private final AtomicReference<LineProtocolBuffer> spare = new AtomicReference<>();

	private final AtomicReferenceArray<LineProtocolEncoder> encoders = new AtomicReferenceArray<>(
			CnosPrecision.values().length);

	/**
	 * The encoder for a precision; encoders are thread-safe, so every write shares it.
	 */
	public LineProtocolEncoder encoder(CnosPrecision precision) {
		LineProtocolEncoder encoder = this.encoders.get(precision.ordinal());
		if (encoder == null) {
			this.encoders.compareAndSet(precision.ordinal(), null, new LineProtocolEncoder(precision));
			encoder = this.encoders.get(precision.ordinal());
		}
		return encoder;
	}

	/**
	 * An empty buffer, the kept one if it is free, else a new one of the expected size.
	 */
	public LineProtocolBuffer take(int expectedBytes) {
		LineProtocolBuffer buffer = this.spare.getAndSet(null);
		return (buffer != null) ? buffer : new LineProtocolBuffer(Math.min(expectedBytes, MAX_KEPT));
	}

	/** Takes back a buffer that is no longer used, keeping it if it is not too large. */
	public void giveBack(LineProtocolBuffer buffer) {
		if (buffer.array().length <= MAX_KEPT) {
			buffer.reset();
			this.spare.set(buffer);
		}
	}

}
