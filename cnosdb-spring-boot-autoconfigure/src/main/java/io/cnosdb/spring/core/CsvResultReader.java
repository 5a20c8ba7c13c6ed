package io.cnosdb.spring.core;

import java.io.Closeable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * Reads a CnosDB CSV answer record by record, straight from the response stream, so memory
 * holds one record and the parser's buffer however large the result. The first record is the
 * header; quoting follows RFC 4180 as the server writes it (embedded commas, quotes and
 * newlines). An empty body, which the server sends for statements without a result, has no
 * columns and no rows.
 */
final class CsvResultReader implements Closeable {

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private final JsonParser parser;

	private final CnosColumns columns;

	private final List<String> record = new ArrayList<>();

	CsvResultReader(InputStream body) {
		this.parser = CSV.createParser(body);
		this.columns = readRecord() ? new CnosColumns(this.record.toArray(String[]::new)) : CnosColumns.NONE;
	}

	CnosColumns columns() {
		return this.columns;
	}

	/** The next record's values, or {@code null} at the end of the result. */
	String[] next() {
		return readRecord() ? this.record.toArray(String[]::new) : null;
	}

	private boolean readRecord() {
		this.record.clear();
		JsonToken token = this.parser.nextToken();
		if (token == null) {
			return false;
		}
		if (token != JsonToken.START_ARRAY) {
			throw new IllegalStateException("Unexpected CSV token " + token);
		}
		while ((token = this.parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == null) {
				throw new IllegalStateException("CSV answer ended inside a record");
			}
			this.record.add(this.parser.getString());
		}
		return true;
	}

	@Override
	public void close() {
		this.parser.close();
	}

}
