package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * The {@value #FILE_NAME} file: how far the server has acknowledged the spool (a
 * segment's id and an offset in it), with a CRC-32C. It is rewritten in place after each
 * acknowledged batch, one small write, so a crash of the application leaves either the
 * old position or the new one; a position lost to a power loss (checksum wrong, file
 * missing) only makes the next writer send again points that were acknowledged.
 */
final class SpoolCheckpoint implements AutoCloseable {

	static final String FILE_NAME = "acknowledged";

	private static final int LENGTH = 20;

	private final FileChannel channel;

	private final ByteBuffer buffer = ByteBuffer.allocate(LENGTH);

	private final CRC32C crc = new CRC32C();

	private SpoolCheckpoint(FileChannel channel) {
		this.channel = channel;
	}

	static SpoolCheckpoint open(Path directory) throws IOException {
		return new SpoolCheckpoint(FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE));
	}

	/** The position saved last, or {@code null} if there is none or it is damaged. */
	@Nullable Position read() throws IOException {
		this.buffer.clear();
		while (this.buffer.hasRemaining() && this.channel.read(this.buffer, this.buffer.position()) > 0) {
			// read the whole record
		}
		if (this.buffer.hasRemaining()) {
			return null;
		}
		long segment = this.buffer.getLong(0);
		long offset = this.buffer.getLong(8);
		return (this.buffer.getInt(16) == checksum(segment, offset)) ? new Position(segment, offset) : null;
	}

	void write(long segment, long offset) throws IOException {
		this.buffer.clear();
		this.buffer.putLong(segment).putLong(offset).putInt(checksum(segment, offset)).flip();
		while (this.buffer.hasRemaining()) {
			this.channel.write(this.buffer, this.buffer.position());
		}
	}

	void force() throws IOException {
		this.channel.force(false);
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	private int checksum(long segment, long offset) {
		this.crc.reset();
		ByteBuffer bytes = ByteBuffer.allocate(16).putLong(segment).putLong(offset);
		this.crc.update(bytes.array());
		return (int) this.crc.getValue();
	}

	/** A place in the spool: a segment's id and an offset in its file. */
	record Position(long segment, long offset) {
	}

}
