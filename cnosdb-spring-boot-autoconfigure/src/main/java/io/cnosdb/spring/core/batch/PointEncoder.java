package io.cnosdb.spring.core.batch;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.DefaultTags;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;

import org.springframework.util.Assert;

/**
 * Encodes a caller's points before they enter the {@link BatchBuffer}, so that a point
 * that cannot be written is refused at once, to the caller, and nothing of its call is
 * accepted. One caller's encoding arrays are kept for the next call; concurrent callers
 * make their own. Thread-safe.
 */
final class PointEncoder {

	/** A caller's encoding buffer is kept for the next call only up to this size. */
	private static final int MAX_KEPT = 64 * 1024;

	private final LineProtocolEncoder encoder;

	private final long maxPointBytes;

	private final AtomicReference<Encoded> spare = new AtomicReference<>();

	/**
	 * @param precision the precision timestamps are written in
	 * @param defaultTags the tags added to points that lack them
	 * @param maxPointBytes the most bytes a point may take: a larger one could never fit
	 * the buffer
	 */
	PointEncoder(CnosPrecision precision, DefaultTags defaultTags, long maxPointBytes) {
		this.encoder = new LineProtocolEncoder(precision, defaultTags);
		this.maxPointBytes = maxPointBytes;
	}

	/**
	 * The encoder of the points, whose cache of escaped names the writer's rows share.
	 */
	LineProtocolEncoder encoder() {
		return this.encoder;
	}

	/**
	 * Encodes one point; {@link #release(Encoded) release} the result once its lines are
	 * handed over.
	 * @throws IllegalArgumentException if the point cannot be written
	 */
	Encoded encode(Point point) {
		Encoded encoded = take();
		try {
			append(point, encoded);
			return encoded;
		}
		catch (RuntimeException ex) {
			release(encoded);
			throw ex;
		}
	}

	/**
	 * Encodes points in order, all or none; {@link #release(Encoded) release} the result
	 * once its lines are handed over.
	 * @throws IllegalArgumentException if a point cannot be written
	 */
	Encoded encode(Collection<Point> points) {
		Encoded encoded = take();
		try {
			for (Point point : points) {
				Assert.notNull(point, "Point must not be null");
				append(point, encoded);
			}
			return encoded;
		}
		catch (RuntimeException ex) {
			release(encoded);
			throw ex;
		}
	}

	private void append(Point point, Encoded encoded) {
		int start = encoded.buffer.size();
		this.encoder.encode(point, encoded.buffer);
		int length = encoded.buffer.size() - start;
		if (length > this.maxPointBytes) {
			throw new IllegalArgumentException(CnosMessageValues.abbreviate(String.valueOf(point), 500) + " takes "
					+ length + " bytes, more than the whole buffer (" + this.maxPointBytes + " bytes)");
		}
		encoded.addEnd();
	}

	private Encoded take() {
		Encoded encoded = this.spare.getAndSet(null);
		return (encoded != null) ? encoded : new Encoded();
	}

	/**
	 * Takes back encoded points whose lines were handed over (or refused), keeping small
	 * arrays for the next call and leaving large ones to the garbage collector.
	 */
	void release(Encoded encoded) {
		if (encoded.buffer.array().length <= MAX_KEPT) {
			encoded.reset();
			this.spare.set(encoded);
		}
	}

	/** Encoded points: their lines, and where each ends. Not thread-safe. */
	static final class Encoded {

		private final LineProtocolBuffer buffer = new LineProtocolBuffer(1024);

		private int[] ends = new int[16];

		private int count;

		/** The lines, valid up to the last end. */
		byte[] lines() {
			return this.buffer.array();
		}

		/** Where each line ends in {@link #lines()}. */
		int[] ends() {
			return this.ends;
		}

		/** How many points were encoded. */
		int count() {
			return this.count;
		}

		private void addEnd() {
			if (this.count == this.ends.length) {
				this.ends = Arrays.copyOf(this.ends, this.count * 2);
			}
			this.ends[this.count++] = this.buffer.size();
		}

		private void reset() {
			this.buffer.reset();
			this.count = 0;
		}

	}

}
