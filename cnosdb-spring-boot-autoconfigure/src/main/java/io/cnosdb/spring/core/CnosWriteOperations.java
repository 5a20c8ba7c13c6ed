package io.cnosdb.spring.core;

import java.nio.file.Path;
import java.util.Collection;

import io.cnosdb.spring.core.csv.CsvImportException;
import io.cnosdb.spring.core.csv.CsvImportOptions;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolSender;
import io.cnosdb.spring.core.write.Point;

/**
 * Line-protocol writes, each in one request that the server accepts whole or not at all.
 * Implemented by {@link CnosTemplate}, into its tenant and database; the batch writer
 * writes through this interface.
 * <p>
 * One precision rule for every write: timestamps are sent in the template's write
 * precision ({@code cnosdb.write.precision}, nanoseconds unless configured otherwise)
 * unless a method takes a precision. A point whose time has finer digits than the
 * precision is refused rather than truncated.
 */
public interface CnosWriteOperations extends LineProtocolSender {

	/** The database writes go to. */
	String getDatabase();

	/** The tenant writes go to. */
	String getTenant();

	/** The precision of timestamps that writes without a precision send. */
	CnosPrecision getWritePrecision();

	/**
	 * Writes raw line-protocol lines, timestamps in the write precision, in one request.
	 * The lines are sent as given, each followed by a line break, and the server reads
	 * them as it reads any line protocol: a line ends at a line break outside a quoted
	 * string field (so a string field may hold one), and blank lines are skipped. Only a
	 * null line fails before sending; the server judges the syntax. A template's default
	 * tags are not added: lines are sent as given, so that the lines of a
	 * {@code CnosWriteFailure} or of another client go out unchanged.
	 */
	void writeLines(Collection<String> lines);

	/**
	 * Like {@link #writeLines(Collection)}, with timestamps in the given precision.
	 */
	void writeLines(Collection<String> lines, CnosPrecision precision);

	/**
	 * Writes points in one request, timestamps in the write precision. A point that
	 * cannot be written exactly is refused before anything is sent (see
	 * {@link io.cnosdb.spring.core.write.LineProtocolEncoder}).
	 */
	void write(Point... points);

	/** Like {@link #write(Point...)}. */
	void write(Collection<Point> points);

	/**
	 * Like {@link #write(Point...)}, with timestamps sent in the given precision.
	 */
	void write(CnosPrecision precision, Collection<Point> points);

	/**
	 * A writer of rows without {@link Point} objects, timestamps in the write precision:
	 * each row is written straight into an encode buffer of this template's, checked as
	 * {@link #write(Point...)} checks points and encoded the same way (default tags
	 * included), and the rows go in one request on {@link CnosRowWriter#flush()} and
	 * {@link CnosRowWriter#close()}. <pre class="code">
	 * try (CnosRowWriter rows = template.rows()) {
	 * 	rows.row("air").tag("station", "XiaoMaiDao").field("visibility", 56.0).at(time);
	 * }
	 * </pre> For the caller's thread only; writing a row allocates nothing once the names
	 * in use are known.
	 */
	CnosRowWriter rows();

	/** Like {@link #rows()}, with timestamps sent in the given precision. */
	CnosRowWriter rows(CnosPrecision precision);

	/**
	 * Writes objects of
	 * {@link io.cnosdb.spring.core.write.annotation.Measurement @Measurement} classes or
	 * records (and {@link Point}s) in one request; see
	 * {@link io.cnosdb.spring.core.write.PointMapper} for the mapping rules. Named apart
	 * from {@code write} so that a collection of such objects cannot bind to a varargs
	 * overload: it goes to {@link #writeObjects(Collection)}.
	 */
	void writeObjects(Object... objects);

	/** Like {@link #writeObjects(Object...)}, for a collection of objects. */
	void writeObjects(Collection<?> objects);

	/**
	 * Streams a local CSV file into a table, in batches of line protocol, with the
	 * default {@link CsvImportOptions}. See
	 * {@link #writeCsv(String, Path, CsvImportOptions)}.
	 */
	CsvImportResult writeCsv(String table, Path csv);

	/**
	 * Streams a local CSV file of any size into an existing table. The first row names
	 * the columns; each value is typed by the table's {@code DESCRIBE TABLE}: tags as
	 * tags, BIGINT, BIGINT UNSIGNED, DOUBLE, BOOLEAN and STRING fields, and {@code time}
	 * as CnosDB timestamp text or an integer in the options' precision (by default the
	 * table's). Empty values are left out; a row with no field value is bad.
	 * <p>
	 * Rows go in batches, one request each. A bad row stops the import before its batch
	 * is sent: the earlier batches were written, the rows of its batch were not; the
	 * {@link CsvImportException} says how many rows were written and on which line the
	 * import stopped.
	 * @return how many rows and batches were written
	 * @throws CsvImportException if a row is bad or a batch fails
	 */
	CsvImportResult writeCsv(String table, Path csv, CsvImportOptions options);

}
