package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.spool.SpoolRecovery.Recovered;

/**
 * A batch writer's points on disk, in order, until the server acknowledges them: points
 * are appended as checksummed records to segment files ({@link SpoolFormat}), read back
 * in batches, and a segment is deleted once every point in it is acknowledged. How far
 * the acknowledgements go is kept in a checkpoint file, so a writer that opens the
 * directory again sends only what the server had not acknowledged, after checking it
 * ({@link SpoolRecovery}). The directory is locked to one writer ({@link SpoolLock}).
 * <p>
 * Reading follows the acknowledgements: {@link #read} hands out the records after the
 * last batch read, and {@link #acknowledgeRead()} acknowledges everything read so far, so
 * one batch is in flight at a time.
 * <p>
 * The storage of {@code CnosBatchWriter}, public only because Java has no narrower
 * visibility across packages. Not thread-safe: the writer calls it under its lock.
 */
public final class Spool implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(Spool.class);

	private static final int WRITE_BUFFER = 64 * 1024;

	private final SpoolSettings settings;

	private final SpoolFormat format = new SpoolFormat();

	private final SpoolLock lock;

	private final SpoolCheckpoint checkpoint;

	/** Every segment file, oldest first: fully or partly unacknowledged, or empty. */
	private final TreeMap<Long, SpoolSegment> segments;

	private final SpoolRecoveryReport recovered;

	private final SpoolChunk chunk = new SpoolChunk();

	private ByteBuffer writeBuffer = ByteBuffer.allocate(WRITE_BUFFER);

	private long nextId;

	/** The segment appended to, or {@code null} until the next append needs one. */
	private @Nullable SpoolSegment active;

	/** Where the oldest unacknowledged record is, or the next one will be. */
	private long ackSegment;

	private long ackOffset;

	/** Where the next record to read is, or will be. */
	private long readSegment;

	private long readOffset;

	private long readPoints;

	private long readPayloadBytes;

	private long unackedPoints;

	private long unackedPayloadBytes;

	private long unreadPoints;

	private long unreadPayloadBytes;

	/** The bytes of records in the segment files: what {@code maxSize} bounds. */
	private long recordBytes;

	private boolean unsynced;

	private long lastSyncNanos = System.nanoTime();

	private boolean closed;

	private Spool(SpoolSettings settings, SpoolLock lock, SpoolCheckpoint checkpoint, Recovered recovered) {
		this.settings = settings;
		this.lock = lock;
		this.checkpoint = checkpoint;
		this.segments = recovered.segments();
		this.recovered = recovered.report();
		this.nextId = recovered.nextId();
		this.ackSegment = this.segments.isEmpty() ? this.nextId : this.segments.firstKey();
		this.ackOffset = this.segments.isEmpty() ? SpoolFormat.FILE_HEADER : recovered.firstOffset();
		this.readSegment = this.ackSegment;
		this.readOffset = this.ackOffset;
		this.unackedPoints = this.recovered.points();
		this.unackedPayloadBytes = this.recovered.payloadBytes();
		this.unreadPoints = this.unackedPoints;
		this.unreadPayloadBytes = this.unackedPayloadBytes;
		for (SpoolSegment segment : this.segments.values()) {
			this.recordBytes += segment.size() - SpoolFormat.FILE_HEADER;
		}
	}

	/**
	 * Opens a spool directory, creating it if needed: locks it, then recovers what a
	 * previous writer left in it (see {@link #recovered()}).
	 * @throws IllegalStateException if another writer holds the directory
	 * @throws IOException if the directory cannot be created, read or locked
	 */
	public static Spool open(SpoolSettings settings) throws IOException {
		Path directory = settings.directory();
		Files.createDirectories(directory);
		SpoolLock lock = SpoolLock.acquire(directory);
		SpoolCheckpoint checkpoint = null;
		try {
			checkpoint = SpoolCheckpoint.open(directory);
			Recovered recovered = new SpoolRecovery(directory, new SpoolFormat()).recover(checkpoint.read());
			return new Spool(settings, lock, checkpoint, recovered);
		}
		catch (IOException | RuntimeException ex) {
			if (checkpoint != null) {
				checkpoint.close();
			}
			lock.close();
			throw ex;
		}
	}

	/** The bytes a point of {@code length} bytes of line protocol takes in the spool. */
	public static long recordSize(int length) {
		return SpoolFormat.RECORD_HEADER + (long) length;
	}

	/** Whether records of {@code bytes} bytes fit the max size. */
	public boolean hasRoom(long bytes) {
		return this.recordBytes + bytes <= this.settings.maxSize();
	}

	/**
	 * Appends points, all or none: {@code lines[start .. ends[i])} is point {@code i},
	 * for {@code i} in {@code [from, to)}, where {@code start} is {@code ends[i - 1]} or
	 * 0. They are in the operating system's cache when this returns, and on the disk too
	 * with {@link SpoolSync#WRITE}. Call {@link #hasRoom} first: this does not check.
	 * @param epochMillis the time to record them with
	 * @throws IOException if they cannot be written (none is then kept)
	 */
	public void append(byte[] lines, int[] ends, int from, int to, long epochMillis) throws IOException {
		checkOpen();
		SpoolSegment first = this.active;
		long firstSize = (first != null) ? first.size() : 0;
		long firstPoints = (first != null) ? first.points() : 0;
		long firstPayload = (first != null) ? first.payloadBytes() : 0;
		List<SpoolSegment> created = new ArrayList<>(1);
		Appended appended = new Appended();
		try {
			this.writeBuffer.clear();
			for (int i = from; i < to; i++) {
				int start = (i == 0) ? 0 : ends[i - 1];
				int length = ends[i] - start;
				int recordLength = SpoolFormat.RECORD_HEADER + length;
				long activeSize = (this.active != null) ? this.active.size() + appended.pendingBytes() : 0;
				if (this.active == null || (activeSize > SpoolFormat.FILE_HEADER
						&& activeSize + recordLength > this.settings.segmentSize())) {
					writePending(appended);
					created.add(roll());
				}
				if (this.writeBuffer.remaining() < recordLength) {
					writePending(appended);
					if (this.writeBuffer.capacity() < recordLength) {
						this.writeBuffer = ByteBuffer.allocate(recordLength);
					}
				}
				this.format.putRecord(this.writeBuffer, lines, start, length, epochMillis);
				appended.add(length);
			}
			writePending(appended);
			if (this.settings.sync() == SpoolSync.WRITE) {
				this.active.force();
			}
		}
		catch (IOException | RuntimeException ex) {
			undo(first, firstSize, firstPoints, firstPayload, created);
			throw ex;
		}
		this.unsynced = true;
		this.unackedPoints += appended.points;
		this.unackedPayloadBytes += appended.payloadBytes;
		this.unreadPoints += appended.points;
		this.unreadPayloadBytes += appended.payloadBytes;
		this.recordBytes += appended.recordBytes;
	}

	/** Writes the records put in the write buffer to the active segment. */
	private void writePending(Appended appended) throws IOException {
		if (appended.pendingPoints == 0) {
			return;
		}
		this.writeBuffer.flip();
		this.active.append(this.writeBuffer, appended.pendingPoints, appended.pendingPayloadBytes);
		this.writeBuffer.clear();
		appended.written();
	}

	/** Starts a new segment, after forcing the one it replaces to the disk. */
	private SpoolSegment roll() throws IOException {
		if (this.active != null) {
			this.active.force();
		}
		SpoolSegment segment = SpoolSegment.create(this.settings.directory(), this.nextId++);
		this.segments.put(segment.id(), segment);
		this.active = segment;
		if (this.settings.sync() != SpoolSync.CLOSE) {
			forceDirectory();
		}
		return segment;
	}

	/** Makes the new segment's directory entry durable, where the platform allows it. */
	private void forceDirectory() {
		try (FileChannel directory = FileChannel.open(this.settings.directory(), StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException ex) {
			// Not every platform can open a directory; its entries are then the file
			// system's to keep.
		}
	}

	/** Takes back an append that failed: the segments it created, the bytes it wrote. */
	private void undo(@Nullable SpoolSegment first, long size, long points, long payloadBytes,
			List<SpoolSegment> created) {
		for (SpoolSegment segment : created) {
			this.segments.remove(segment.id());
			try {
				segment.closeAndDelete();
			}
			catch (IOException ex) {
				logger.warn("Could not delete the spool segment " + segment.path() + " of a failed append", ex);
			}
		}
		this.active = first;
		this.chunk.invalidate();
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

	/**
	 * Reads the records after the last one read, in order, up to {@code maxPoints} and,
	 * but for the first, {@code maxPayloadBytes} of lines.
	 * @return how many were read (0 if none is left)
	 */
	public int read(int maxPoints, long maxPayloadBytes, LineSink sink) throws IOException {
		checkOpen();
		int points = 0;
		long payloadBytes = 0;
		while (points < maxPoints && points < this.unreadPoints) {
			SpoolSegment segment = this.segments.get(this.readSegment);
			if (this.readOffset >= segment.size()) {
				moveReadToNextSegment();
				continue;
			}
			this.chunk.load(segment, this.readOffset, SpoolFormat.RECORD_HEADER, segment.size());
			int length = this.chunk.intAt(this.readOffset);
			if (points > 0 && payloadBytes + length > maxPayloadBytes) {
				break;
			}
			this.chunk.load(segment, this.readOffset, SpoolFormat.RECORD_HEADER + length, segment.size());
			sink.line(this.chunk.array(), this.chunk.index(this.readOffset) + SpoolFormat.RECORD_HEADER, length);
			points++;
			payloadBytes += length;
			this.readOffset += SpoolFormat.RECORD_HEADER + length;
		}
		this.unreadPoints -= points;
		this.unreadPayloadBytes -= payloadBytes;
		this.readPoints += points;
		this.readPayloadBytes += payloadBytes;
		return points;
	}

	private void moveReadToNextSegment() {
		Long next = this.segments.higherKey(this.readSegment);
		this.readSegment = (next != null) ? next : this.nextId;
		this.readOffset = SpoolFormat.FILE_HEADER;
	}

	/**
	 * Acknowledges every record read so far: saves the position, and deletes the segments
	 * no longer needed.
	 */
	public void acknowledgeRead() throws IOException {
		checkOpen();
		this.unackedPoints -= this.readPoints;
		this.unackedPayloadBytes -= this.readPayloadBytes;
		this.readPoints = 0;
		this.readPayloadBytes = 0;
		SpoolSegment reading = this.segments.get(this.readSegment);
		if (reading != null && reading != this.active && this.readOffset >= reading.size()) {
			moveReadToNextSegment();
		}
		if (this.unackedPoints == 0 && this.active != null) {
			// Everything is acknowledged: the next append starts a new segment.
			this.active = null;
			this.readSegment = this.nextId;
			this.readOffset = SpoolFormat.FILE_HEADER;
		}
		this.ackSegment = this.readSegment;
		this.ackOffset = this.readOffset;
		this.checkpoint.write(this.ackSegment, this.ackOffset);
		while (!this.segments.isEmpty() && this.segments.firstKey() < this.ackSegment) {
			delete(this.segments.pollFirstEntry().getValue());
		}
	}

	private void delete(SpoolSegment segment) throws IOException {
		this.recordBytes -= segment.size() - SpoolFormat.FILE_HEADER;
		segment.closeAndDelete();
	}

	/**
	 * Drops the oldest segment that is not being read nor appended to, to make room.
	 * @return the points dropped, or {@code null} if no segment can be dropped
	 */
	public @Nullable Dropped dropOldest() throws IOException {
		checkOpen();
		Map.Entry<Long, SpoolSegment> entry = this.segments.higherEntry(this.readSegment);
		if (entry == null || entry.getValue() == this.active) {
			return null;
		}
		SpoolSegment segment = entry.getValue();
		this.segments.remove(entry.getKey());
		delete(segment);
		this.unackedPoints -= segment.points();
		this.unackedPayloadBytes -= segment.payloadBytes();
		this.unreadPoints -= segment.points();
		this.unreadPayloadBytes -= segment.payloadBytes();
		return new Dropped(segment.points(), segment.payloadBytes(), segment.path());
	}

	/**
	 * Forces what was appended, and the acknowledged position, to the disk if the sync
	 * interval has passed since the last time ({@link SpoolSync#INTERVAL} and
	 * {@link SpoolSync#WRITE}, whose checkpoint is kept on the same interval).
	 */
	public void syncIfDue(long nanoTime) throws IOException {
		if (this.settings.sync() != SpoolSync.CLOSE && !this.closed
				&& nanoTime - this.lastSyncNanos >= this.settings.syncInterval().toNanos()) {
			sync();
		}
	}

	private void sync() throws IOException {
		if (this.unsynced && this.active != null) {
			this.active.force();
		}
		this.checkpoint.force();
		this.unsynced = false;
		this.lastSyncNanos = System.nanoTime();
	}

	/**
	 * When the oldest unacknowledged point was appended (epoch milliseconds), or -1 if
	 * every point is acknowledged.
	 */
	public long oldestUnacknowledgedMillis() throws IOException {
		if (this.unackedPoints == 0 || this.closed) {
			return -1;
		}
		long segmentId = this.ackSegment;
		long offset = this.ackOffset;
		SpoolSegment segment = this.segments.get(segmentId);
		if (segment == null || offset >= segment.size()) {
			Map.Entry<Long, SpoolSegment> next = this.segments.higherEntry(segmentId);
			if (next == null) {
				return -1;
			}
			segment = next.getValue();
			offset = SpoolFormat.FILE_HEADER;
		}
		ByteBuffer header = ByteBuffer.allocate(SpoolFormat.RECORD_HEADER);
		return (segment.read(header, offset) == SpoolFormat.RECORD_HEADER) ? header.getLong(8) : -1;
	}

	/** What the spool found when it was opened. */
	public SpoolRecoveryReport recovered() {
		return this.recovered;
	}

	public SpoolSettings settings() {
		return this.settings;
	}

	/** The points not yet acknowledged, read or not. */
	public long unacknowledgedPoints() {
		return this.unackedPoints;
	}

	/** The bytes of line protocol of the points not yet acknowledged. */
	public long unacknowledgedPayloadBytes() {
		return this.unackedPayloadBytes;
	}

	/** The points not yet read. */
	public long unreadPoints() {
		return this.unreadPoints;
	}

	/** The bytes of line protocol of the points not yet read. */
	public long unreadPayloadBytes() {
		return this.unreadPayloadBytes;
	}

	/** The bytes of records in the segment files, which the max size bounds. */
	public long recordBytes() {
		return this.recordBytes;
	}

	/** The segment files. */
	public int segmentCount() {
		return this.segments.size();
	}

	/**
	 * Forces everything to the disk, deletes the segments if every point is acknowledged,
	 * and unlocks the directory. What is not acknowledged stays for the next writer.
	 * Calling it again does nothing.
	 */
	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		try {
			sync();
			if (this.unackedPoints == 0) {
				while (!this.segments.isEmpty()) {
					delete(this.segments.pollFirstEntry().getValue());
				}
			}
			for (SpoolSegment segment : this.segments.values()) {
				segment.close();
			}
			this.checkpoint.close();
		}
		finally {
			this.closed = true;
			this.lock.close();
		}
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("The spool " + this.settings.directory() + " is closed");
		}
	}

	/** Points dropped to make room: how many, their bytes, and the file they were in. */
	public record Dropped(long points, long payloadBytes, Path segment) {
	}

	/** The records of one append: those in the write buffer, and all of them. */
	private static final class Appended {

		private int pendingPoints;

		private long pendingPayloadBytes;

		private long pendingRecordBytes;

		private long points;

		private long payloadBytes;

		private long recordBytes;

		void add(int length) {
			this.pendingPoints++;
			this.pendingPayloadBytes += length;
			this.pendingRecordBytes += SpoolFormat.RECORD_HEADER + length;
		}

		long pendingBytes() {
			return this.pendingRecordBytes;
		}

		void written() {
			this.points += this.pendingPoints;
			this.payloadBytes += this.pendingPayloadBytes;
			this.recordBytes += this.pendingRecordBytes;
			this.pendingPoints = 0;
			this.pendingPayloadBytes = 0;
			this.pendingRecordBytes = 0;
		}

	}

}
