package io.cnosdb.spring.testsupport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.cnosdb.spring.core.result.CsvResultReader;

/**
 * A {@link CsvResultReader} over a CSV answer that arrives a few bytes at a time, as from
 * a slow socket, so that rows and cells straddle the reader's buffer refills.
 */
public final class SlicedCsv {

	private SlicedCsv() {
	}

	/**
	 * A reader of the CSV text, as UTF-8.
	 * @param csv the answer's body
	 * @param bufferSize the reader's buffer size
	 * @param slice the most bytes a single read hands out
	 * @return the reader
	 */
	public static CsvResultReader reader(String csv, int bufferSize, int slice) {
		return new CsvResultReader(new SlicedStream(csv.getBytes(StandardCharsets.UTF_8), slice), bufferSize);
	}

	/** Hands out at most {@code slice} bytes per read, as a slow socket would. */
	static final class SlicedStream extends InputStream {

		private final ByteArrayInputStream bytes;

		private final int slice;

		SlicedStream(byte[] bytes, int slice) {
			this.bytes = new ByteArrayInputStream(bytes);
			this.slice = slice;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			return this.bytes.read(target, offset, Math.min(length, this.slice));
		}

	}

}
