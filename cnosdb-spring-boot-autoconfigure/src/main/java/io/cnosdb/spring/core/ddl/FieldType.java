package io.cnosdb.spring.core.ddl;

import java.util.EnumSet;
import java.util.Set;

/**
 * The types of a CnosDB field column, with the compression codecs each accepts.
 */
public enum FieldType {

	/** Signed 64-bit integer; written in line protocol with {@code i}. */
	BIGINT("BIGINT", EnumSet.of(Codec.DEFAULT, Codec.NULL, Codec.DELTA, Codec.DELTATS, Codec.QUANTILE)),

	/** Unsigned 64-bit integer; written in line protocol with {@code u}. */
	BIGINT_UNSIGNED("BIGINT UNSIGNED",
			EnumSet.of(Codec.DEFAULT, Codec.NULL, Codec.DELTA, Codec.DELTATS, Codec.QUANTILE)),

	/** 64-bit floating point. */
	DOUBLE("DOUBLE", EnumSet.of(Codec.DEFAULT, Codec.NULL, Codec.GORILLA, Codec.QUANTILE)),

	/** UTF-8 text. */
	STRING("STRING",
			EnumSet.of(Codec.DEFAULT, Codec.NULL, Codec.GZIP, Codec.BZIP, Codec.ZSTD, Codec.SNAPPY, Codec.ZLIB)),

	/** Boolean. */
	BOOLEAN("BOOLEAN", EnumSet.of(Codec.DEFAULT, Codec.NULL, Codec.BITPACK));

	private final String sql;

	private final Set<Codec> codecs;

	FieldType(String sql, Set<Codec> codecs) {
		this.sql = sql;
		this.codecs = codecs;
	}

	/** The type as written in {@code CREATE TABLE}. */
	public String sql() {
		return this.sql;
	}

	/** Whether a codec may compress a column of this type. */
	public boolean supports(Codec codec) {
		return this.codecs.contains(codec);
	}

	/** The codecs a column of this type accepts. */
	public Set<Codec> codecs() {
		return EnumSet.copyOf(this.codecs);
	}

}
