package io.cnosdb.spring.core;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.csv.CsvImportException;
import io.cnosdb.spring.core.csv.CsvImportOptions;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.write.CnosPrecision;

/**
 * The operations of a CnosDB client: SQL in the manner of {@code JdbcTemplate}, a fluent
 * statement API in the manner of {@code JdbcClient}, DDL helpers and line-protocol
 * writes. Implemented by {@link CnosTemplate}; declare this type to make code easy to
 * test.
 * <p>
 * Every failure is a {@link org.springframework.dao.DataAccessException}. Statements run
 * in the operations' tenant and database ({@link #getTenant()}, {@link #getDatabase()}).
 */
public interface CnosOperations {

	// SQL

	/** Runs a statement and ignores any result: DDL, DCL, INSERT. */
	void execute(String sql);

	/**
	 * Runs a query; one map per row, keys in the statement's column order. Values are the
	 * exact text the server sent ({@code null} for NULL), since CnosDB's answer carries
	 * no column types; ask for a type with {@link #queryForList(String, Class)} or a
	 * mapper. A repeated column name gets a {@code _2}, {@code _3} suffix.
	 */
	List<Map<String, @Nullable Object>> queryForList(String sql);

	/**
	 * Runs a query and maps each row to a type: a record or class by column name (see
	 * {@link CnosDataClassRowMapper}), or, for a simple type such as {@code Long},
	 * {@code Instant} or {@code String}, the only column.
	 */
	<T> List<T> queryForList(String sql, Class<T> type);

	/** Runs a query and maps each row. */
	<T> List<T> query(String sql, RowMapper<T> mapper);

	/**
	 * Runs a query and hands each row to a handler as it is read, keeping none in memory.
	 */
	void query(String sql, RowCallbackHandler handler);

	/**
	 * Runs a query that returns exactly one row and maps it to a type.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if there is no row
	 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there are
	 * several
	 */
	<T> @Nullable T queryForObject(String sql, Class<T> type);

	/** Like {@link #queryForObject(String, Class)}, with a mapper. */
	<T> @Nullable T queryForObject(String sql, RowMapper<T> mapper);

	/**
	 * Runs a query and streams the mapped rows as they are read, holding one row in
	 * memory. The stream holds the connection: close it, with try-with-resources.
	 */
	<T> Stream<T> queryForStream(String sql, RowMapper<T> mapper);

	/** Like {@link #queryForStream(String, RowMapper)}, mapping to a type. */
	<T> Stream<T> queryForStream(String sql, Class<T> type);

	/**
	 * Starts a statement with {@code :name} parameters, rendered on the client as
	 * literals that cannot change the statement (CnosDB's HTTP API has no bind
	 * parameters).
	 */
	CnosStatementSpec sql(String sql);

	// DDL helpers

	/** The databases of the tenant ({@code SHOW DATABASES}). */
	List<String> listDatabases();

	/** The tables of the database ({@code SHOW TABLES}). */
	List<String> listTables();

	/** Creates a database with the server's default options. */
	void createDatabase(String name);

	/**
	 * Creates a database with options: TTL, shards, vnode duration, replicas, precision.
	 */
	void createDatabase(String name, DatabaseOptions options);

	/** Drops a database; fails if it does not exist. */
	void dropDatabase(String name);

	/** Drops a database if it exists. */
	void dropDatabaseIfExists(String name);

	/** Creates a table in the database. */
	void createTable(TableDefinition table);

	/** Drops a table of the database; fails if it does not exist. */
	void dropTable(String name);

	/** Drops a table of the database if it exists. */
	void dropTableIfExists(String name);

	/** The columns of a table of the database ({@code DESCRIBE TABLE}). */
	List<TableColumn> describeTable(String name);

	/** Creates a user with a password. The password never appears in a message or log. */
	void createUser(String user, String password);

	/** Sets a user's password. The password never appears in a message or log. */
	void alterUserPassword(String user, String newPassword);

	/** Drops a user; fails if it does not exist. */
	void dropUser(String user);

	/** Drops a user if it exists. */
	void dropUserIfExists(String user);

	// Writes

	/**
	 * Writes raw line-protocol lines, timestamps in the template's write precision
	 * (nanoseconds unless configured otherwise), in one request. The server accepts all
	 * or none of them. The lines are sent as given, each followed by a line break, and
	 * the server reads them as it reads any line protocol: a line ends at a line break
	 * outside a quoted string field (so a string field may hold one), and blank lines are
	 * skipped. Only a null line fails before sending; the server judges the syntax.
	 */
	void writeLines(Collection<String> lines);

	/** Like {@link #writeLines(Collection)}, with timestamps in the given precision. */
	void writeLines(Collection<String> lines, CnosPrecision precision);

	/**
	 * Writes points in one request, timestamps sent in nanoseconds. The server accepts
	 * all or none of them. A point that cannot be written exactly is refused before
	 * anything is sent (see {@link io.cnosdb.spring.core.write.LineProtocolEncoder}).
	 */
	void write(Point... points);

	/** Like {@link #write(Point...)}. */
	void write(Collection<Point> points);

	/**
	 * Like {@link #write(Point...)}, with timestamps sent in the given precision; a point
	 * whose time has finer digits than that is refused rather than truncated.
	 */
	void write(CnosPrecision precision, Collection<Point> points);

	/**
	 * Writes objects of
	 * {@link io.cnosdb.spring.core.write.annotation.Measurement @Measurement} classes or
	 * records (and {@link Point}s) in one request; see
	 * {@link io.cnosdb.spring.core.write.PointMapper} for the mapping rules. A collection
	 * passed here is refused: use {@link #writeObjects(Collection)}.
	 */
	void write(Object... objects);

	/** Like {@link #write(Object...)}, for a collection of objects. */
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

	// Scope

	/** Operations on another database of the same tenant; this one is unchanged. */
	CnosOperations withDatabase(String database);

	/** Operations on another tenant; this one is unchanged. */
	CnosOperations withTenant(String tenant);

	/** The database statements and writes address. */
	String getDatabase();

	/** The tenant statements and writes address. */
	String getTenant();

}
