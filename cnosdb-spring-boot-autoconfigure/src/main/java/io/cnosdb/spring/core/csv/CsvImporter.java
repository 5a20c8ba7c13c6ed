package io.cnosdb.spring.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.result.CnosTimestamps;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolSender;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Streams a CSV file into a table as line protocol, one batch in memory at a time; see
 * {@code CnosTemplate.writeCsv(String, Path, CsvImportOptions)}.
 */
public final class CsvImporter {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

	private final LineProtocolSender sender;

	private final Function<String, List<TableColumn>> describeTable;

	private final String table;

	private final Path csv;

	private final CsvImportOptions options;

	private long rowsWritten;

	private long batchesWritten;

	/**
	 * @param sender where the batches go
	 * @param describeTable the columns of a table, as {@code DESCRIBE TABLE} lists them
	 * @param table the table to import into
	 * @param csv the file
	 * @param options how the file is read
	 */
	public CsvImporter(LineProtocolSender sender, Function<String, List<TableColumn>> describeTable, String table,
			Path csv, CsvImportOptions options) {
		this.sender = sender;
		this.describeTable = describeTable;
		this.table = table;
		this.csv = csv;
		this.options = options;
	}

	/** Imports the file; see {@code CnosTemplate.writeCsv}. */
	public CsvImportResult run() {
		Map<String, TableColumn> tableColumns = new HashMap<>();
		for (TableColumn column : this.describeTable.apply(this.table)) {
			tableColumns.put(column.name(), column);
		}
		if (tableColumns.isEmpty()) {
			throw failure(1, "table '" + this.table + "' has no columns (does it exist?)", null);
		}
		CnosPrecision precision = (this.options.precision() != null) ? this.options.precision()
				: tablePrecision(tableColumns);
		LineProtocolEncoder encoder = new LineProtocolEncoder(precision);
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(this.options.columnSeparator());
		try (InputStream in = Files.newInputStream(this.csv);
				JsonParser parser = CSV.readerFor(String[].class).with(schema).createParser(in)) {
			long line = 1;
			List<String> record = new ArrayList<>();
			try {
				if (readRecord(parser, record) < 0) {
					throw failure(1, "the file is empty; its first row must name the columns", null);
				}
			}
			catch (JacksonException ex) {
				throw failure(1, "the header row is not valid CSV: " + ex.getOriginalMessage(), ex);
			}
			if (!record.isEmpty() && record.get(0).startsWith("\uFEFF")) {
				// A byte order mark, as spreadsheet exports write: not part of the first
				// name.
				record.set(0, record.get(0).substring(1));
			}
			Column[] columns = columns(record, tableColumns, precision);
			LineProtocolBuffer buffer = new LineProtocolBuffer(Math.min(this.options.maxBatchBytes(), 1 << 20) + 1024);
			int rowsInBatch = 0;
			long batchStartLine = 0;
			while (true) {
				try {
					long start = readRecord(parser, record);
					if (start < 0) {
						break;
					}
					line = start;
				}
				catch (JacksonException ex) {
					throw failure(line + 1,
							"the file is not valid CSV after line " + line + ": " + ex.getOriginalMessage(), ex);
				}
				if (rowsInBatch == 0) {
					batchStartLine = line;
				}
				try {
					encoder.encode(toPoint(columns, record), buffer);
				}
				catch (IllegalArgumentException ex) {
					throw failure(line, ex.getMessage(), ex);
				}
				rowsInBatch++;
				if (rowsInBatch >= this.options.batchSize() || buffer.size() >= this.options.maxBatchBytes()) {
					send(buffer, rowsInBatch, precision, batchStartLine, line);
					rowsInBatch = 0;
				}
			}
			if (rowsInBatch > 0) {
				send(buffer, rowsInBatch, precision, batchStartLine, line);
			}
		}
		catch (IOException ex) {
			throw failure(0, "could not read the file: " + ex.getMessage(), ex);
		}
		return new CsvImportResult(this.rowsWritten, this.batchesWritten);
	}

	/**
	 * Reads the next record into {@code record}; returns the line it starts on, or -1 at
	 * the end.
	 */
	private long readRecord(JsonParser parser, List<String> record) {
		record.clear();
		JsonToken token = parser.nextToken();
		if (token == null) {
			return -1;
		}
		// The parser places START_ARRAY at the end of the previous row, so the row starts
		// with its first value.
		long start = 0;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == null) {
				throw failure(start, "the file ends inside the row", null);
			}
			if (record.isEmpty()) {
				start = parser.currentTokenLocation().getLineNr();
			}
			record.add(parser.getString());
		}
		return Math.max(start, 1);
	}

	private void send(LineProtocolBuffer buffer, int rows, CnosPrecision precision, long firstLine, long lastLine) {
		try {
			this.sender.sendLineProtocol(buffer.array(), buffer.size(), precision,
					"writing " + rows + " row(s) of " + this.csv.getFileName() + " (lines " + firstLine + "-" + lastLine
							+ ") into table '" + CnosMessageValues.abbreviate(this.table) + "'");
		}
		catch (DataAccessException ex) {
			// An answer from the server, whatever its status, means the batch was not
			// written.
			boolean unknown = !(ex instanceof CnosServerFailure)
					&& (ex instanceof QueryTimeoutException || ex instanceof DataAccessResourceFailureException);
			throw new CsvImportException(
					"Importing " + this.csv.getFileName() + " into table '" + CnosMessageValues.abbreviate(this.table)
							+ "' stopped at line " + firstLine + ": the server did not accept the batch of lines "
							+ firstLine + "-" + lastLine
							+ (unknown ? " (it may have been written: no answer came)" : "") + "; " + this.rowsWritten
							+ " row(s) before it were written. " + ex.getMessage(),
					this.rowsWritten, this.batchesWritten, firstLine, unknown, ex);
		}
		this.rowsWritten += rows;
		this.batchesWritten++;
		buffer.reset();
	}

	private CsvImportException failure(long line, @Nullable String reason, @Nullable Throwable cause) {
		String where = (line > 0) ? " stopped at line " + line : " stopped";
		return new CsvImportException(
				"Importing " + this.csv.getFileName() + " into table '" + CnosMessageValues.abbreviate(this.table) + "'"
						+ where + ": " + reason + "; " + this.rowsWritten + " row(s) before it were written, in "
						+ this.batchesWritten + " batch(es), and nothing from this line on",
				this.rowsWritten, this.batchesWritten, line, false, cause);
	}

	private CnosPrecision tablePrecision(Map<String, TableColumn> tableColumns) {
		for (TableColumn column : tableColumns.values()) {
			if (column.isTime()) {
				String type = column.dataType().toUpperCase(Locale.ROOT);
				if (type.contains("MILLISECOND")) {
					return CnosPrecision.MS;
				}
				if (type.contains("MICROSECOND")) {
					return CnosPrecision.US;
				}
				return CnosPrecision.NS;
			}
		}
		return CnosPrecision.NS;
	}

	private Column[] columns(List<String> header, Map<String, TableColumn> tableColumns, CnosPrecision precision) {
		Column[] columns = new Column[header.size()];
		boolean hasTime = false;
		boolean hasField = false;
		for (int i = 0; i < columns.length; i++) {
			String name = header.get(i);
			TableColumn column = tableColumns.get(name);
			if (column == null) {
				throw failure(1, "column '" + CnosMessageValues.abbreviate(name) + "' is not a column of table '"
						+ CnosMessageValues.abbreviate(this.table) + "' (its columns: " + CnosMessageValues
							.abbreviate(String.valueOf(tableColumns.keySet().stream().sorted().toList()), 500)
						+ ")", null);
			}
			for (int j = 0; j < i; j++) {
				if (columns[j].name().equals(name)) {
					throw failure(1, "column '" + CnosMessageValues.abbreviate(name) + "' is named twice", null);
				}
			}
			Type type = type(column);
			hasTime |= type == Type.TIME;
			hasField |= type != Type.TIME && type != Type.TAG;
			columns[i] = new Column(name, type, precision);
		}
		if (!hasTime) {
			throw failure(1, "there is no 'time' column; every row needs a time", null);
		}
		if (!hasField) {
			throw failure(1, "there is no field column; every row needs a field", null);
		}
		return columns;
	}

	private Type type(TableColumn column) {
		if (column.isTime()) {
			return Type.TIME;
		}
		if (column.isTag()) {
			return Type.TAG;
		}
		String dataType = column.dataType().toUpperCase(Locale.ROOT).strip();
		return switch (dataType) {
			case "BIGINT" -> Type.BIGINT;
			case "BIGINT UNSIGNED" -> Type.UNSIGNED;
			case "DOUBLE" -> Type.DOUBLE;
			case "BOOLEAN" -> Type.BOOLEAN;
			case "STRING" -> Type.STRING;
			default -> throw failure(1,
					"column '" + column.name() + "' has type " + column.dataType()
							+ ", which CSV import does not support (BIGINT, BIGINT UNSIGNED, DOUBLE, BOOLEAN, STRING)",
					null);
		};
	}

	private Point toPoint(Column[] columns, List<String> record) {
		if (record.size() != columns.length) {
			throw new IllegalArgumentException(
					"the row has " + record.size() + " value(s) but the header names " + columns.length + " column(s)");
		}
		Point point = Point.measurement(this.table);
		boolean anyField = false;
		boolean hasTime = false;
		for (int i = 0; i < columns.length; i++) {
			String value = record.get(i);
			if (value == null || value.isEmpty()) {
				continue;
			}
			Column column = columns[i];
			try {
				switch (column.type()) {
					case TIME -> {
						point.time(parseTime(value, column.precision()));
						hasTime = true;
					}
					case TAG -> point.tag(column.name(), value);
					case BIGINT -> point.field(column.name(), Long.parseLong(value));
					case UNSIGNED -> point.unsignedField(column.name(), Long.parseUnsignedLong(value));
					case DOUBLE -> point.field(column.name(), CnosConversions.parseDouble(value)); // reads
																									// inf
																									// and
																									// -inf
																									// as
																									// CnosDB
																									// writes
																									// them
					case BOOLEAN -> point.field(column.name(), parseBoolean(value));
					case STRING -> point.field(column.name(), value);
				}
			}
			catch (IllegalArgumentException ex) {
				// NumberFormatException included.
				throw new IllegalArgumentException("column '" + column.name() + "' (" + column.type().label + "): '"
						+ CnosMessageValues.abbreviate(value, 100) + "' is not valid" + detail(ex), ex);
			}
			anyField |= column.type() != Type.TIME && column.type() != Type.TAG;
		}
		if (!hasTime) {
			throw new IllegalArgumentException("the row has no time");
		}
		if (!anyField) {
			throw new IllegalArgumentException("the row has no field value, and a point needs at least one field");
		}
		return point;
	}

	private static String detail(IllegalArgumentException ex) {
		return (ex instanceof NumberFormatException || ex.getMessage() == null) ? "" : " (" + ex.getMessage() + ")";
	}

	private static java.time.Instant parseTime(String value, CnosPrecision precision) {
		if (isInteger(value)) {
			long count = Long.parseLong(value);
			long nanosPerUnit = precision.unit().toNanos(1);
			long unitsPerSecond = 1_000_000_000L / nanosPerUnit;
			return java.time.Instant.ofEpochSecond(Math.floorDiv(count, unitsPerSecond),
					Math.floorMod(count, unitsPerSecond) * nanosPerUnit);
		}
		return CnosTimestamps.parseInstant(value);
	}

	private static boolean isInteger(String value) {
		int start = (value.charAt(0) == '-') ? 1 : 0;
		if (start == value.length()) {
			return false;
		}
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean parseBoolean(String value) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw new IllegalArgumentException("expected true or false");
	}

	private enum Type {

		TIME("time"), TAG("tag"), BIGINT("BIGINT"), UNSIGNED("BIGINT UNSIGNED"), DOUBLE("DOUBLE"), BOOLEAN("BOOLEAN"),
		STRING("STRING");

		private final String label;

		Type(String label) {
			this.label = label;
		}

	}

	private record Column(String name, Type type, CnosPrecision precision) {

	}

}
