package io.cnosdb.spring.core.ddl;

/**
 * Compression codecs of CnosDB columns. Which codec suits which type is in
 * {@link FieldType}.
 */
public enum Codec {

	/** The server's choice for the type. */
	DEFAULT,
	/** No compression. */
	NULL,
	/** Delta encoding, for integers. */
	DELTA,
	/** Delta-of-delta encoding, for integers such as timestamps. */
	DELTATS,
	/** Quantile compression, for numbers. */
	QUANTILE,
	/** Gorilla, for doubles. */
	GORILLA,
	/** gzip, for strings. */
	GZIP,
	/** bzip2, for strings. */
	BZIP,
	/** Zstandard, for strings. */
	ZSTD,
	/** Snappy, for strings. */
	SNAPPY,
	/** zlib, for strings. */
	ZLIB,
	/** Bit packing, for booleans. */
	BITPACK

}
