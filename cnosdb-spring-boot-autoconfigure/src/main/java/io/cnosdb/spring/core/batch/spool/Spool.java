package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.spool.SpoolRecovery.Recovered;

/**
 * A batch writer's points on disk, in order, until the server acknowledges them: points
 * are appended as checksummed records to segment files ({@link SpoolFormat}), read back
 * in batches, and a segment is deleted once every point in it is acknowledged. How far
 * the acknowledgements go is kept in a checkpoint file, so a writer that opens the
 * directory again sends only what the server had not acknowledged, after checking it
 * ({@link SpoolRecovery}). The directory is locked to one writer ({@link SpoolLock}). The
 * files are {@link SpoolSegments}, appended to by a {@link SpoolAppender}.
 * <p>
 * Reading follows the acknowledgements: {@link #read} hands out the records after the
 * last batch read, and {@link #acknowledgeRead()} acknowledges everything read so far, so
 * one batch is in flight at a time.
 * <p>
 * The storage of {@code CnosBatchWriter}, public only because Java has no narrower
 * visibility across packages. Not thread-safe: the writer calls it under its lock.
 */
public final class Spool implements AutoCloseable {

	private final SpoolSettings settings;

	private final SpoolLock lock;

	private final SpoolCheckpoint checkpoint;

	private final SpoolSegments segments;

	private final SpoolAppender appender;

	private final SpoolRecoveryReport recovered;

	private final SpoolChunk chunk = new SpoolChunk();

	/** Where the oldest unacknowledged record is, or the next one will be. */
	private long ackSegment;

	private long ackOffset;

	/** Where the next record to read is, or will be. */
	private long readSegment;

	private long readOffset;

	/**
	 * Points read since the last acknowledgement. The unacknowledged ones are these and
	 * the unread ones.
	 */
	private long readPoints;

	private long readPayloadBytes;

	private long unreadPoints;

	private long unreadPayloadBytes;

	private boolean unsynced;

	private long lastSyncNanos = System.nanoTime();

	private boolean closed;

	private Spool(SpoolSettings settings, SpoolLock lock, SpoolCheckpoint checkpoint, Recovered recovered) {
		this.settings = settings;
		this.lock = lock;
		this.checkpoint = checkpoint;
		this.segments = new SpoolSegments(settings.directory(), settings.sync(), recovered.segments(),
				recovered.nextId());
		this.appender = new SpoolAppender(this.segments, settings.segmentSize());
		this.recovered = recovered.report();
		this.ackSegment = this.segments.firstId();
		this.ackOffset = recovered.segments().isEmpty() ? SpoolFormat.FILE_HEADER : recovered.firstOffset();
		this.readSegment = this.ackSegment;
		this.readOffset = this.ackOffset;
		this.unreadPoints = this.recovered.points();
		this.unreadPayloadBytes = this.recovered.payloadBytes();
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
		return this.segments.recordBytes() + bytes <= this.settings.maxSize();
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
		SpoolAppender.Appended appended;
		try {
			appended = this.appender.append(lines, ends, from, to, epochMillis);
			if (this.settings.sync() == SpoolSync.WRITE) {
				this.segments.active().force();
			}
		}
		catch (IOException | RuntimeException ex) {
			// A failed append was cut back: forget what was read of it.
			this.chunk.invalidate();
			throw ex;
		}
		this.unsynced = true;
		this.unreadPoints += appended.points();
		this.unreadPayloadBytes += appended.payloadBytes();
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
		Map.Entry<Long, SpoolSegment> next = this.segments.after(this.readSegment);
		this.readSegment = (next != null) ? next.getKey() : this.segments.nextId();
		this.readOffset = SpoolFormat.FILE_HEADER;
	}

	/**
	 * Acknowledges every record read so far: saves the position, and deletes the segments
	 * no longer needed.
	 */
	public void acknowledgeRead() throws IOException {
		checkOpen();
		this.readPoints = 0;
		this.readPayloadBytes = 0;
		SpoolSegment reading = this.segments.get(this.readSegment);
		if (reading != null && reading != this.segments.active() && this.readOffset >= reading.size()) {
			moveReadToNextSegment();
		}
		if (unacknowledgedPoints() == 0 && this.segments.active() != null) {
			// Everything is acknowledged: the next append starts a new segment.
			this.segments.retireActive();
			this.readSegment = this.segments.nextId();
			this.readOffset = SpoolFormat.FILE_HEADER;
		}
		this.ackSegment = this.readSegment;
		this.ackOffset = this.readOffset;
		this.checkpoint.write(this.ackSegment, this.ackOffset);
		this.segments.deleteBefore(this.ackSegment);
	}

	/**
	 * Drops the oldest segment that is not being read nor appended to, to make room.
	 * @return the points dropped, or {@code null} if no segment can be dropped
	 */
	public @Nullable Dropped dropOldest() throws IOException {
		checkOpen();
		Map.Entry<Long, SpoolSegment> entry = this.segments.after(this.readSegment);
		if (entry == null || entry.getValue() == this.segments.active()) {
			return null;
		}
		SpoolSegment segment = entry.getValue();
		this.segments.remove(segment);
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
		SpoolSegment active = this.segments.active();
		if (this.unsynced && active != null) {
			active.force();
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
		if (unacknowledgedPoints() == 0 || this.closed) {
			return -1;
		}
		SpoolSegment segment = this.segments.get(this.ackSegment);
		long offset = this.ackOffset;
		if (segment == null || offset >= segment.size()) {
			Map.Entry<Long, SpoolSegment> next = this.segments.after(this.ackSegment);
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
		return this.unreadPoints + this.readPoints;
	}

	/** The bytes of line protocol of the points not yet acknowledged. */
	public long unacknowledgedPayloadBytes() {
		return this.unreadPayloadBytes + this.readPayloadBytes;
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
		return this.segments.recordBytes();
	}

	/** The segment files. */
	public int segmentCount() {
		return this.segments.count();
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
			this.segments.close(unacknowledgedPoints() == 0);
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

}
