package io.cnosdb.spring.core.write;

/**
 * How write request bodies are compressed. Compression costs far more CPU than sending
 * (gzip level 1 reads about 180 MB/s on one core, a loopback or LAN link carries several
 * times that), so it pays only on slow links; it is off by default.
 */
public enum CnosWriteCompression {

	/** Bodies are sent as they are. */
	NONE,

	/**
	 * Bodies are gzipped into memory and sent with {@code Content-Encoding: gzip} and a
	 * {@code Content-Length}.
	 */
	GZIP

}
