package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The segment files of a spool, oldest first, the one appended to, and the bytes of
 * records they hold (what the max size bounds). Not thread-safe.
 */
final class SpoolSegments {

	private final Path directory;

	private final SpoolSync sync;

	private final TreeMap<Long, SpoolSegment> segments;

	private @Nullable SpoolSegment active;

	private long nextId;

	private long recordBytes;

	SpoolSegments(Path directory, SpoolSync sync, TreeMap<Long, SpoolSegment> recovered, long nextId) {
		this.directory = directory;
		this.sync = sync;
		this.segments = recovered;
		this.nextId = nextId;
		for (SpoolSegment segment : recovered.values()) {
			this.recordBytes += segment.size() - SpoolFormat.FILE_HEADER;
		}
	}

	/** The segment appended to, or {@code null} until the next append starts one. */
	@Nullable SpoolSegment active() {
		return this.active;
	}

	/**
	 * Starts a new segment to append to, after forcing the one it replaces to the disk.
	 */
	SpoolSegment roll() throws IOException {
		if (this.active != null) {
			this.active.force();
		}
		SpoolSegment segment = SpoolSegment.create(this.directory, this.nextId++);
		this.segments.put(segment.id(), segment);
		this.active = segment;
		if (this.sync != SpoolSync.CLOSE) {
			forceDirectory();
		}
		return segment;
	}

	/** Makes a new segment's directory entry durable, where the platform allows it. */
	private void forceDirectory() {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every platform can open a directory; its entries are then the file
			// system's to keep.
		}
	}

	/** Takes back segments an append created, and makes {@code active} current again. */
	void undo(Iterable<SpoolSegment> created, @Nullable SpoolSegment active) throws IOException {
		for (SpoolSegment segment : created) {
			this.segments.remove(segment.id());
			segment.closeAndDelete();
		}
		this.active = active;
	}

	/** Counts records appended. */
	void added(long recordBytes) {
		this.recordBytes += recordBytes;
	}

	/** The next append starts a new segment (every point is acknowledged). */
	void retireActive() {
		this.active = null;
	}

	@Nullable SpoolSegment get(long id) {
		return this.segments.get(id);
	}

	/** The segment after {@code id}, or {@code null}. */
	Map.@Nullable Entry<Long, SpoolSegment> after(long id) {
		return this.segments.higherEntry(id);
	}

	/** The id the next segment will have. */
	long nextId() {
		return this.nextId;
	}

	/** The id of the oldest segment, or the next one's if there is none. */
	long firstId() {
		return this.segments.isEmpty() ? this.nextId : this.segments.firstKey();
	}

	/** Deletes the segments older than {@code id}. */
	void deleteBefore(long id) throws IOException {
		while (!this.segments.isEmpty() && this.segments.firstKey() < id) {
			delete(this.segments.pollFirstEntry().getValue());
		}
	}

	/** Deletes one segment, which must not be the active one. */
	void remove(SpoolSegment segment) throws IOException {
		this.segments.remove(segment.id());
		delete(segment);
	}

	private void delete(SpoolSegment segment) throws IOException {
		this.recordBytes -= segment.size() - SpoolFormat.FILE_HEADER;
		segment.closeAndDelete();
	}

	/** Closes every segment file; deletes them too if {@code delete}. */
	void close(boolean delete) throws IOException {
		if (delete) {
			deleteBefore(Long.MAX_VALUE);
		}
		for (SpoolSegment segment : this.segments.values()) {
			segment.close();
		}
		this.active = null;
	}

	long recordBytes() {
		return this.recordBytes;
	}

	int count() {
		return this.segments.size();
	}

}
