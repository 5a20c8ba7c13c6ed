package io.cnosdb.spring.benchmarks.query;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CSV answer of a given size produced while it is read, never held whole: for the run
 * that proves a result far larger than the heap is parsed in bounded memory.
 */
public final class GeneratedCsvInputStream extends InputStream {

	private final long limitBytes;

	private final QueryDataset.Rows rows = new QueryDataset.Rows();

	private final StringBuilder text = new StringBuilder(64 * 1024);

	private byte[] chunk;

	private int chunkPosition;

	private long produced;

	private long rowCount;

	/** Rows are generated until at least {@code limitBytes} have been produced. */
	public GeneratedCsvInputStream(long limitBytes) {
		this.limitBytes = limitBytes;
		this.chunk = QueryDataset.HEADER.getBytes(StandardCharsets.US_ASCII);
	}

	/** How many rows were produced. */
	public long rowCount() {
		return this.rowCount;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] target, int offset, int length) {
		if (this.chunkPosition == this.chunk.length && !refill()) {
			return -1;
		}
		int count = Math.min(length, this.chunk.length - this.chunkPosition);
		System.arraycopy(this.chunk, this.chunkPosition, target, offset, count);
		this.chunkPosition += count;
		return count;
	}

	private boolean refill() {
		this.produced += this.chunk.length;
		if (this.produced >= this.limitBytes) {
			return false;
		}
		this.text.setLength(0);
		while (this.text.length() < 60 * 1024) {
			QueryDataset.appendCsv(this.text, this.rows.next());
			this.rowCount++;
		}
		this.chunk = this.text.toString().getBytes(StandardCharsets.US_ASCII);
		this.chunkPosition = 0;
		return true;
	}

}
