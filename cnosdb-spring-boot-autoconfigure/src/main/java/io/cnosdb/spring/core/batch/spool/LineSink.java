package io.cnosdb.spring.core.batch.spool;

/** Receives the lines a {@link Spool} reads back, one call a line. */
@FunctionalInterface
public interface LineSink {

	/**
	 * Takes the line {@code bytes[offset .. offset + length)}, its line break included.
	 * The array is reused after the call returns.
	 */
	void line(byte[] bytes, int offset, int length);

}
