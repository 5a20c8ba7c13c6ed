package io.cnosdb.spring.core.batch;

import java.util.concurrent.atomic.AtomicReferenceArray;

import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;

/**
 * The row writers of a {@link CnosBatchWriter}'s callers: each row is written into a
 * writer of its own, lent from a small pool when the row starts and taken back when it
 * ends, so that concurrent callers never share one and steady writing allocates nothing.
 * A completed row goes to the {@link BatchQueue} as one point, as a {@code Point} does; a
 * refused or dropped one goes nowhere. Thread-safe.
 */
final class RowWriters {

	/**
	 * A writer whose buffer grew past this size (a huge row) is left to the garbage
	 * collector rather than kept.
	 */
	private static final int MAX_KEPT = 64 * 1024;

	private final LineProtocolEncoder encoder;

	private final BatchQueue queue;

	private final long maxRowBytes;

	/** Idle writers; a caller takes any, and more are made while all are busy. */
	private final AtomicReferenceArray<Lent> idle;

	/**
	 * @param encoder the encoder of the batch writer's precision and default tags
	 * @param queue where completed rows go
	 * @param maxRowBytes the most bytes a row may take: a larger one could never fit the
	 * buffer
	 */
	RowWriters(LineProtocolEncoder encoder, BatchQueue queue, long maxRowBytes) {
		this.encoder = encoder;
		this.queue = queue;
		this.maxRowBytes = maxRowBytes;
		this.idle = new AtomicReferenceArray<>(Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
	}

	/** Starts a row in a writer lent until the row ends. */
	LineProtocolRowWriter.Row row(String measurement) {
		Lent lent = take();
		lent.measurement = measurement;
		return lent.writer.row(measurement);
	}

	private Lent take() {
		for (int i = 0; i < this.idle.length(); i++) {
			Lent lent = this.idle.get(i);
			if (lent != null && this.idle.compareAndSet(i, lent, null)) {
				return lent;
			}
		}
		return new Lent();
	}

	private void giveBack(Lent lent) {
		if (lent.buffer.array().length > MAX_KEPT) {
			return;
		}
		for (int i = 0; i < this.idle.length(); i++) {
			if (this.idle.get(i) == null && this.idle.compareAndSet(i, null, lent)) {
				return;
			}
		}
	}

	/**
	 * A writer with a buffer of its own, holding one row at a time, and the listener that
	 * hands its rows over.
	 */
	private final class Lent implements LineProtocolRowWriter.Listener {

		private final LineProtocolBuffer buffer = new LineProtocolBuffer(256);

		private final LineProtocolRowWriter writer = new LineProtocolRowWriter(RowWriters.this.encoder, this.buffer,
				this);

		/** Where the one row ends, as {@link BatchQueue#add} takes it. */
		private final int[] ends = new int[1];

		private String measurement = "";

		@Override
		public void rowWritten(LineProtocolBuffer written, int start) {
			try {
				int length = written.size();
				if (length > RowWriters.this.maxRowBytes) {
					throw new IllegalArgumentException(
							"Row '" + CnosMessageValues.abbreviate(this.measurement) + "' takes " + length
									+ " bytes, more than the whole buffer (" + RowWriters.this.maxRowBytes + " bytes)");
				}
				this.ends[0] = length;
				RowWriters.this.queue.add(written.array(), this.ends, 1);
			}
			finally {
				written.reset();
				giveBack(this);
			}
		}

		@Override
		public void rowDropped() {
			giveBack(this);
		}

	}

}
