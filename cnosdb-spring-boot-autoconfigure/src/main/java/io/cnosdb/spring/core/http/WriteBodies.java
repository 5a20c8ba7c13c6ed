package io.cnosdb.spring.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;

/**
 * Compresses write bodies in memory, so that the compressed body still has a known length
 * (CnosDB answers a chunked upload with an empty 500), and puts them in requests.
 */
final class WriteBodies {

	static final int MIN_LEVEL = 1;

	static final int MAX_LEVEL = 9;

	private WriteBodies() {
	}

	static void checkLevel(int level) {
		if (level < MIN_LEVEL || level > MAX_LEVEL) {
			throw new IllegalArgumentException(
					"Compression level must be between " + MIN_LEVEL + " and " + MAX_LEVEL + " but was " + level);
		}
	}

	/** Gzips {@code bytes[0 .. length)} at the given level. */
	static Body gzip(byte[] bytes, int length, int level) {
		// Line protocol shrinks about four times at level 1.
		ExposedBytes out = new ExposedBytes(Math.max(64, length / 3));
		try (GZIPOutputStream gzip = new LeveledGzip(out, level)) {
			gzip.write(bytes, 0, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not compress the write body", ex);
		}
		return new Body(out.array(), out.size());
	}

	/**
	 * Sets the body of a request, with its {@code Content-Length}: without a copy where
	 * the request streams, written into its buffer otherwise.
	 */
	static void writeTo(ClientHttpRequest request, Body body) {
		request.getHeaders().setContentLength(body.length());
		if (request instanceof StreamingHttpOutputMessage streaming) {
			streaming.setBody(new StreamingHttpOutputMessage.Body() {

				@Override
				public void writeTo(OutputStream out) throws IOException {
					out.write(body.bytes(), 0, body.length());
				}

				@Override
				public boolean repeatable() {
					return true;
				}

			});
			return;
		}
		try {
			request.getBody().write(body.bytes(), 0, body.length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A body: the first {@code length} bytes of {@code bytes}. */
	record Body(byte[] bytes, int length) {

	}

	private static final class LeveledGzip extends GZIPOutputStream {

		LeveledGzip(ExposedBytes out, int level) throws IOException {
			super(out, 64 * 1024);
			this.def.setLevel(level);
		}

	}

	/** Hands its array out without the copy {@link #toByteArray()} makes. */
	private static final class ExposedBytes extends ByteArrayOutputStream {

		ExposedBytes(int size) {
			super(size);
		}

		byte[] array() {
			return this.buf;
		}

	}

}
