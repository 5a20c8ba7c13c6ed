package io.cnosdb.spring.core.batch.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The layout of a segment file: an {@value #FILE_HEADER}-byte magic, then records, each a
 * {@value #RECORD_HEADER}-byte header and the payload (one line of line protocol, line
 * break included). A header holds, big-endian: the payload's length (int), a CRC-32C
 * (int) of the length, the time and the payload, and the time the record was appended
 * (epoch milliseconds, long). The checksum is what tells a whole record from one torn by
 * a crash in the middle of an append. Not thread-safe: one per spool.
 */
final class SpoolFormat {

	static final byte[] MAGIC = "CNSPOOL1".getBytes(StandardCharsets.US_ASCII);

	static final int FILE_HEADER = MAGIC.length;

	static final int RECORD_HEADER = 16;

	private final CRC32C crc = new CRC32C();

	/**
	 * Appends a record to {@code target}, which must have room for
	 * {@value #RECORD_HEADER} + {@code length} bytes.
	 */
	void putRecord(ByteBuffer target, byte[] payload, int offset, int length, long epochMillis) {
		target.putInt(length);
		target.putInt(checksum(length, epochMillis, payload, offset));
		target.putLong(epochMillis);
		target.put(payload, offset, length);
	}

	/**
	 * Whether the record whose header starts at index {@code at} of a heap buffer, with
	 * its whole payload in the buffer, is intact.
	 */
	boolean isIntact(ByteBuffer source, int at) {
		int length = source.getInt(at);
		int expected = source.getInt(at + 4);
		long epochMillis = source.getLong(at + 8);
		return expected == checksum(length, epochMillis, source.array(), source.arrayOffset() + at + RECORD_HEADER);
	}

	private int checksum(int length, long epochMillis, byte[] payload, int offset) {
		this.crc.reset();
		for (int shift = 24; shift >= 0; shift -= 8) {
			this.crc.update(length >>> shift);
		}
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.crc.update((int) (epochMillis >>> shift));
		}
		this.crc.update(payload, offset, length);
		return (int) this.crc.getValue();
	}

}
