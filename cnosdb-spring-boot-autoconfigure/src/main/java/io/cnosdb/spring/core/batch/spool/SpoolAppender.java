package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Appends points to a spool's segments as records, starting a new segment when the
 * current one would pass the segment size, and takes back an append that failed, so that
 * an append is all or nothing. Records go through one write buffer, a system call per
 * buffer rather than per point. Not thread-safe.
 */
final class SpoolAppender {

	private static final Log logger = LogFactory.getLog(Spool.class);

	private static final int WRITE_BUFFER = 64 * 1024;

	private final SpoolSegments segments;

	private final long segmentSize;

	private final SpoolFormat format = new SpoolFormat();

	private ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER);

	SpoolAppender(SpoolSegments segments, long segmentSize) {
		this.segments = segments;
		this.segmentSize = segmentSize;
	}

	/**
	 * Appends points {@code [from, to)} of {@code lines}, all or none.
	 * @return what was appended
	 * @throws IOException if they cannot be written (none is then kept)
	 */
	Appended append(byte[] lines, int[] ends, int from, int to, long epochMillis) throws IOException {
		SpoolSegment first = this.segments.active();
		long size = (first != null) ? first.size() : 0;
		long points = (first != null) ? first.points() : 0;
		long payloadBytes = (first != null) ? first.payloadBytes() : 0;
		List<SpoolSegment> created = new ArrayList<>(1);
		Appended appended = new Appended();
		try {
			this.buffer.clear();
			for (int i = from; i < to; i++) {
				int start = (i == 0) ? 0 : ends[i - 1];
				int length = ends[i] - start;
				int recordLength = SpoolFormat.RECORD_HEADER + length;
				SpoolSegment active = this.segments.active();
				long activeSize = (active != null) ? active.size() + appended.pendingRecordBytes : 0;
				if (active == null
						|| (activeSize > SpoolFormat.FILE_HEADER && activeSize + recordLength > this.segmentSize)) {
					writePending(appended);
					created.add(this.segments.roll());
				}
				if (this.buffer.remaining() < recordLength) {
					writePending(appended);
					if (this.buffer.capacity() < recordLength) {
						this.buffer = ByteBuffer.allocate(recordLength);
					}
				}
				this.format.putRecord(this.buffer, lines, start, length, epochMillis);
				appended.add(length);
			}
			writePending(appended);
		}
		catch (IOException | RuntimeException ex) {
			undo(first, size, points, payloadBytes, created);
			throw ex;
		}
		this.segments.added(appended.recordBytes);
		return appended;
	}

	/** Writes the records in the buffer to the active segment. */
	private void writePending(Appended appended) throws IOException {
		if (appended.pendingPoints == 0) {
			return;
		}
		this.buffer.flip();
		this.segments.active().append(this.buffer, appended.pendingPoints, appended.pendingPayloadBytes);
		this.buffer.clear();
		appended.written();
	}

	private void undo(@Nullable SpoolSegment first, long size, long points, long payloadBytes,
			List<SpoolSegment> created) {
		try {
			this.segments.undo(created, first);
		}
		catch (IOException ex) {
			logger.warn("Could not delete a spool segment started by a failed append", ex);
		}
		if (first != null) {
			try {
				first.truncate(size, points, payloadBytes);
			}
			catch (IOException ex) {
				// The bytes stay past the segment's end as the spool counts it; a later
				// append writes over them, and a recovery cuts them as torn.
				logger.warn("Could not cut the spool segment " + first.path() + " back after a failed append", ex);
			}
		}
	}

	/** The records of one append: those in the write buffer, and all of them. */
	static final class Appended {

		private int pendingPoints;

		private long pendingPayloadBytes;

		private long pendingRecordBytes;

		private long points;

		private long payloadBytes;

		private long recordBytes;

		private void add(int length) {
			this.pendingPoints++;
			this.pendingPayloadBytes += length;
			this.pendingRecordBytes += SpoolFormat.RECORD_HEADER + length;
		}

		private void written() {
			this.points += this.pendingPoints;
			this.payloadBytes += this.pendingPayloadBytes;
			this.recordBytes += this.pendingRecordBytes;
			this.pendingPoints = 0;
			this.pendingPayloadBytes = 0;
			this.pendingRecordBytes = 0;
		}

		long points() {
			return this.points;
		}

		long payloadBytes() {
			return this.payloadBytes;
		}

	}

}
