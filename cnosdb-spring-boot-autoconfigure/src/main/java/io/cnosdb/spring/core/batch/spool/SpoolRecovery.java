package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.batch.spool.SpoolCheckpoint.Position;

/**
 * Opens what a previous writer left in a spool directory: deletes the segments the server
 * acknowledged whole, checks every record after the acknowledged position against its
 * checksum, and cuts a segment before the first record that is torn or damaged (keeping
 * the records before it), reporting what was cut.
 */
final class SpoolRecovery {

	private static final Log logger = LogFactory.getLog(Spool.class);

	private final Path directory;

	private final SpoolFormat format;

	private final SpoolChunk chunk = new SpoolChunk();

	private int tornRecords;

	private long discardedBytes;

	SpoolRecovery(Path directory, SpoolFormat format) {
		this.directory = directory;
		this.format = format;
	}

	/**
	 * Recovers the directory's segments.
	 * @param acknowledged the last acknowledged position, or {@code null} if unknown
	 * (everything left is then sent again)
	 * @return the segments left, oldest first, each counting only its unacknowledged
	 * points
	 */
	Recovered recover(@Nullable Position acknowledged) throws IOException {
		TreeMap<Long, SpoolSegment> segments = new TreeMap<>();
		long highestId = -1;
		for (Path path : segmentFiles()) {
			long id = SpoolSegment.idOf(path);
			highestId = Math.max(highestId, id);
			if (acknowledged != null && id < acknowledged.segment()) {
				Files.delete(path);
				continue;
			}
			long from = (acknowledged != null && id == acknowledged.segment()) ? acknowledged.offset()
					: SpoolFormat.FILE_HEADER;
			SpoolSegment segment = recoverSegment(path, id, from);
			if (segment != null) {
				segments.put(id, segment);
			}
		}
		long points = 0;
		long payloadBytes = 0;
		for (SpoolSegment segment : segments.values()) {
			points += segment.points();
			payloadBytes += segment.payloadBytes();
		}
		SpoolRecoveryReport report = new SpoolRecoveryReport(segments.size(), points, payloadBytes, this.tornRecords,
				this.discardedBytes);
		long start = (acknowledged != null && segments.containsKey(acknowledged.segment())) ? acknowledged.offset()
				: SpoolFormat.FILE_HEADER;
		return new Recovered(segments, highestId + 1, start, report);
	}

	private Path[] segmentFiles() throws IOException {
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory,
				(path) -> SpoolSegment.idOf(path) >= 0)) {
			Path[] paths = StreamSupport.stream(stream.spliterator(), false).toArray(Path[]::new);
			Arrays.sort(paths);
			return paths;
		}
	}

	/**
	 * Checks a segment's records from {@code from} on.
	 * @return the segment, or {@code null} if nothing in it is left to send (it is then
	 * deleted) or it is not a segment (it is then left alone)
	 */
	private @Nullable SpoolSegment recoverSegment(Path path, long id, long from) throws IOException {
		SpoolSegment segment = SpoolSegment.open(path, id);
		if (!hasMagic(segment)) {
			segment.close();
			if (segment.size() < SpoolFormat.FILE_HEADER) {
				// Created by a writer that died before it wrote anything in it.
				Files.delete(path);
			}
			else {
				logger.error("Left " + path + " alone: it is named like a spool segment but is not one");
			}
			return null;
		}
		if (from >= segment.size()) {
			segment.closeAndDelete();
			return null;
		}
		scan(segment, from);
		if (segment.points() == 0) {
			segment.closeAndDelete();
			return null;
		}
		return segment;
	}

	private boolean hasMagic(SpoolSegment segment) throws IOException {
		ByteBuffer magic = ByteBuffer.allocate(SpoolFormat.FILE_HEADER);
		return segment.read(magic, 0) == SpoolFormat.FILE_HEADER && Arrays.equals(magic.array(), SpoolFormat.MAGIC);
	}

	/**
	 * Counts the segment's intact records from {@code from}, cutting it at the first bad
	 * one.
	 */
	private void scan(SpoolSegment segment, long from) throws IOException {
		long size = segment.size();
		long position = from;
		long points = 0;
		long payloadBytes = 0;
		while (position < size) {
			int length = checkRecord(segment, position, size);
			if (length < 0) {
				this.tornRecords++;
				this.discardedBytes += size - position;
				logger.warn("The spool segment " + segment.path() + " ends in a torn or damaged record at offset "
						+ position + ": cut there, " + (size - position) + " byte(s) discarded, the " + points
						+ " point(s) before it kept");
				break;
			}
			points++;
			payloadBytes += length;
			position += SpoolFormat.RECORD_HEADER + length;
		}
		segment.truncate(position, points, payloadBytes);
	}

	/**
	 * Checks the record at {@code position}.
	 * @return its payload's length, or -1 if it is cut short or damaged
	 */
	private int checkRecord(SpoolSegment segment, long position, long size) throws IOException {
		if (!this.chunk.load(segment, position, SpoolFormat.RECORD_HEADER, size)) {
			return -1;
		}
		int length = this.chunk.intAt(position);
		if (length <= 0 || length > size - position - SpoolFormat.RECORD_HEADER
				|| !this.chunk.load(segment, position, SpoolFormat.RECORD_HEADER + length, size)) {
			return -1;
		}
		return this.format.isIntact(this.chunk.buffer(), this.chunk.index(position)) ? length : -1;
	}

	/**
	 * The recovered segments, the id of the next segment to create, and the offset of the
	 * first unacknowledged record in the first segment.
	 */
	record Recovered(TreeMap<Long, SpoolSegment> segments, long nextId, long firstOffset, SpoolRecoveryReport report) {
	}

}
