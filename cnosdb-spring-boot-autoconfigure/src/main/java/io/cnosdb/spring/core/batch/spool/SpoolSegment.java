package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of a spool: its records, from the {@link SpoolFormat#FILE_HEADER} on,
 * and how many points and payload bytes they hold. Not thread-safe.
 */
final class SpoolSegment {

	static final String SUFFIX = ".seg";

	private final long id;

	private final Path path;

	private final FileChannel channel;

	private long size;

	private long points;

	private long payloadBytes;

	private SpoolSegment(long id, Path path, FileChannel channel, long size) {
		this.id = id;
		this.path = path;
		this.channel = channel;
		this.size = size;
	}

	/** Creates a new, empty segment file (its magic only). */
	static SpoolSegment create(Path directory, long id) throws IOException {
		Path path = directory.resolve(fileName(id));
		FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		try {
			writeFully(channel, ByteBuffer.wrap(SpoolFormat.MAGIC), 0);
		}
		catch (IOException ex) {
			channel.close();
			Files.deleteIfExists(path);
			throw ex;
		}
		return new SpoolSegment(id, path, channel, SpoolFormat.FILE_HEADER);
	}

	/** Opens a segment file a previous writer left, as long as the file is. */
	static SpoolSegment open(Path path, long id) throws IOException {
		FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
		return new SpoolSegment(id, path, channel, channel.size());
	}

	static String fileName(long id) {
		return String.format("%020d%s", id, SUFFIX);
	}

	/** The id in a segment file's name, or -1 if the name is not a segment's. */
	static long idOf(Path path) {
		String name = path.getFileName().toString();
		if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
			return -1;
		}
		for (int i = 0; i < 20; i++) {
			if (!Character.isDigit(name.charAt(i))) {
				return -1;
			}
		}
		return Long.parseLong(name, 0, 20, 10);
	}

	/** Appends the buffer's remaining bytes, records that count {@code points}. */
	void append(ByteBuffer records, int points, long payloadBytes) throws IOException {
		long at = this.size;
		this.size += writeFully(this.channel, records, at);
		this.points += points;
		this.payloadBytes += payloadBytes;
	}

	/**
	 * Reads from {@code position} into the buffer, as much as it takes and the file has.
	 */
	int read(ByteBuffer target, long position) throws IOException {
		int total = 0;
		while (target.hasRemaining()) {
			int read = this.channel.read(target, position + total);
			if (read < 0) {
				break;
			}
			total += read;
		}
		return total;
	}

	/** Cuts the file at {@code size}: what follows is torn or was never accepted. */
	void truncate(long size, long points, long payloadBytes) throws IOException {
		this.channel.truncate(size);
		this.size = size;
		this.points = points;
		this.payloadBytes = payloadBytes;
	}

	void force() throws IOException {
		this.channel.force(false);
	}

	void closeAndDelete() throws IOException {
		this.channel.close();
		Files.deleteIfExists(this.path);
	}

	void close() throws IOException {
		this.channel.close();
	}

	private static int writeFully(FileChannel channel, ByteBuffer source, long position) throws IOException {
		int total = 0;
		while (source.hasRemaining()) {
			total += channel.write(source, position + total);
		}
		return total;
	}

	long id() {
		return this.id;
	}

	Path path() {
		return this.path;
	}

	/** The file's length: its magic and every record. */
	long size() {
		return this.size;
	}

	/**
	 * The points the segment holds: appended, or found unacknowledged when it was
	 * recovered.
	 */
	long points() {
		return this.points;
	}

	/** The payload bytes of those points. */
	long payloadBytes() {
		return this.payloadBytes;
	}

}
