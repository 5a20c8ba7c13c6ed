package io.cnosdb.spring.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.csv.CsvImportOptions;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.csv.CsvImporter;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.DdlStatements;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.QueryResult;
import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.support.CnosDefaults;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.EncodeBuffers;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.PointMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.util.Assert;

/**
 * The central class of the CnosDB client: runs SQL, maps rows, creates and drops
 * databases, tables and users, and writes line protocol, over CnosDB's HTTP API through a
 * {@link CnosHttpClient}.
 * <p>
 * Thread-safe and immutable: {@link #withDatabase(String)} and
 * {@link #withTenant(String)} return new templates that share this one's HTTP client. In
 * a Spring Boot application the auto-configuration creates one from {@code cnosdb.*}
 * properties; elsewhere use {@link #builder()}. A template built by its builder owns its
 * HTTP client and closes it in {@link #close()}; one made over a given client leaves that
 * client to its owner.
 */
public class CnosTemplate extends CnosAccessor implements CnosOperations, CnosSchemaOperations, CnosWriteOperations {

	private static final int MAX_STATEMENT_IN_MESSAGE = 500;

	/** CnosDB's code for a table that does not exist. */
	private static final String TABLE_NOT_FOUND = "030019";

	private final CnosPrecision writePrecision;

	private final PointEncoders encoders;

	private final ResultRows rows;

	private final ConcurrentMap<Class<?>, RowMapper<?>> rowMappers;

	/**
	 * A template over a client, in the client's default tenant and database, writing
	 * nanosecond timestamps; the client stays its owner's to close.
	 */
	public CnosTemplate(CnosHttpClient client) {
		this(client, false, CnosDefaults.DATABASE, CnosDefaults.TENANT, CnosPrecision.NS, PointEncoders.SHARED,
				new ResultRows(CnosConversions.createConversionService(), true, CnosDefaults.MAX_ROWS),
				new ConcurrentHashMap<>());
	}

	CnosTemplate(CnosHttpClient client, boolean ownsClient, String database, String tenant,
			CnosPrecision writePrecision, PointEncoders encoders, ResultRows rows,
			ConcurrentMap<Class<?>, RowMapper<?>> rowMappers) {
		super(client, ownsClient, database, tenant);
		Assert.notNull(writePrecision, "Write precision must not be null");
		this.writePrecision = writePrecision;
		this.encoders = encoders;
		this.rows = rows;
		this.rowMappers = rowMappers;
	}

	/** Starts building a template; every setting has the server's default. */
	public static CnosTemplateBuilder builder() {
		return new CnosTemplateBuilder();
	}

	static ResultRows resultRows(@Nullable ConversionService conversionService, int maxRows) {
		return (conversionService != null) ? new ResultRows(conversionService, false, maxRows)
				: new ResultRows(CnosConversions.createConversionService(), true, maxRows);
	}

	// SQL

	@Override
	public void execute(String sql) {
		run(sql, (result) -> {
			result.finish();
			return null;
		});
	}

	@Override
	public List<Map<String, @Nullable Object>> queryForList(String sql) {
		return run(sql, (result) -> this.rows.maps(result, () -> describe(sql)));
	}

	@Override
	public <T> List<T> queryForList(String sql, Class<T> elementType) {
		return query(sql, singleColumnMapper(elementType));
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper) {
		Assert.notNull(mapper, "RowMapper must not be null");
		return run(sql, (result) -> this.rows.list(result, mapper, () -> describe(sql)));
	}

	@Override
	public void query(String sql, RowCallbackHandler handler) {
		Assert.notNull(handler, "RowCallbackHandler must not be null");
		run(sql, (result) -> {
			this.rows.forEach(result, handler);
			return null;
		});
	}

	@Override
	public <T> @Nullable T queryForObject(String sql, Class<T> requiredType) {
		return queryForObject(sql, singleColumnMapper(requiredType));
	}

	@Override
	public <T> @Nullable T queryForObject(String sql, RowMapper<T> mapper) {
		List<T> results = query(sql, mapper);
		if (results.isEmpty()) {
			throw new EmptyResultDataAccessException(1);
		}
		return DataAccessUtils.singleResult(results);
	}

	@Override
	public <T> Stream<T> queryForStream(String sql, RowMapper<T> mapper) {
		Assert.notNull(mapper, "RowMapper must not be null");
		QueryResult result = getHttpClient().query(sql, getDatabase(), getTenant(), () -> describe(sql));
		try {
			return StreamSupport.stream(this.rows.spliterator(result, mapper), false).onClose(result::close);
		}
		catch (RuntimeException ex) {
			result.close();
			throw ex;
		}
	}

	@Override
	public <T> Stream<T> queryForStream(String sql, Class<T> elementType) {
		return queryForStream(sql, singleColumnMapper(elementType));
	}

	/**
	 * Runs a statement without a result set, or an INSERT, for
	 * {@link CnosClient.StatementSpec#update()}.
	 * @return the number of rows an INSERT wrote, 0 for other statements
	 */
	long update(String sql) {
		return run(sql, (result) -> {
			int rowsColumn = (result.columns().count() == 1) ? result.columns().indexOf("rows") : -1;
			if (rowsColumn < 0 || !result.next()) {
				result.finish();
				return 0L;
			}
			CnosRow row = this.rows.newRow(result);
			row.advance();
			long written = row.getLong(rowsColumn);
			result.finish();
			return written;
		});
	}

	// DDL helpers

	@Override
	public List<String> listDatabases() {
		return names(DdlStatements.showDatabases(), "database_name");
	}

	@Override
	public List<String> listTables() {
		return names(DdlStatements.showTables(), "table_name");
	}

	private List<String> names(String sql, String column) {
		List<String> names = new ArrayList<>();
		query(sql, (RowCallbackHandler) (row) -> {
			String name = row.getString(column);
			if (name != null) {
				names.add(name);
			}
		});
		return names;
	}

	@Override
	public void createDatabase(String name) {
		createDatabase(name, DatabaseOptions.defaults());
	}

	@Override
	public void createDatabase(String name, DatabaseOptions options) {
		Assert.notNull(options, "DatabaseOptions must not be null");
		execute(DdlStatements.createDatabase(name, options));
	}

	@Override
	public void dropDatabase(String name) {
		execute(DdlStatements.dropDatabase(name, false));
	}

	@Override
	public void dropDatabaseIfExists(String name) {
		execute(DdlStatements.dropDatabase(name, true));
	}

	@Override
	public void createTable(TableDefinition table) {
		Assert.notNull(table, "TableDefinition must not be null");
		execute(DdlStatements.createTable(table));
	}

	@Override
	public void dropTable(String name) {
		execute(DdlStatements.dropTable(name, false));
	}

	@Override
	public void dropTableIfExists(String name) {
		try {
			execute(DdlStatements.dropTable(name, true));
		}
		catch (CnosObjectNotFoundException ex) {
			// CnosDB 2.4.2 once answered IF EXISTS with 030019 "Table not found" just
			// after the table was dropped (why is not known). What IF EXISTS promises
			// holds if the table is no longer listed; if it still is, or the listing
			// fails, the refusal stands.
			if (!TABLE_NOT_FOUND.equals(ex.getErrorCode()) || stillListed(name, ex)) {
				throw ex;
			}
		}
	}

	private boolean stillListed(String table, RuntimeException refusal) {
		try {
			return listTables().contains(table);
		}
		catch (RuntimeException ex) {
			refusal.addSuppressed(ex);
			return true;
		}
	}

	@Override
	public List<TableColumn> describeTable(String name) {
		return query(DdlStatements.describeTable(name),
				(row, rowNumber) -> new TableColumn(row.getString("column_name"), row.getString("data_type"),
						row.getString("column_type"), row.getString("compression_codec")));
	}

	@Override
	public void createUser(String user, String password) {
		execute(DdlStatements.createUser(user, password));
	}

	@Override
	public void alterUserPassword(String user, String newPassword) {
		execute(DdlStatements.alterUserPassword(user, newPassword));
	}

	@Override
	public void dropUser(String user) {
		execute(DdlStatements.dropUser(user, false));
	}

	@Override
	public void dropUserIfExists(String user) {
		execute(DdlStatements.dropUser(user, true));
	}

	// Writes

	@Override
	public void writeLines(Collection<String> lines) {
		writeLines(lines, this.writePrecision);
	}

	@Override
	public void writeLines(Collection<String> lines, CnosPrecision precision) {
		Assert.notNull(lines, "Lines must not be null");
		Assert.notNull(precision, "Precision must not be null");
		if (lines.isEmpty()) {
			return;
		}
		LineBodies body = LineBodies.of(lines);
		sendLineProtocol(body.bytes(), body.size(), precision, "writing " + lines.size() + " line(s)");
	}

	@Override
	public void write(Point... points) {
		Assert.notNull(points, "Points must not be null");
		write(this.writePrecision, Arrays.asList(points));
	}

	@Override
	public void write(Collection<Point> points) {
		write(this.writePrecision, points);
	}

	@Override
	public void write(CnosPrecision precision, Collection<Point> points) {
		Assert.notNull(precision, "Precision must not be null");
		Assert.notNull(points, "Points must not be null");
		if (points.isEmpty()) {
			return;
		}
		EncodeBuffers buffers = getHttpClient().encodeBuffers();
		LineProtocolEncoder encoder = this.encoders.encoder(precision, buffers);
		LineProtocolBuffer buffer = buffers.take(Math.max(256, Math.min(points.size(), 1 << 20) * 128));
		try {
			int index = 0;
			for (Point point : points) {
				if (point == null) {
					throw new IllegalArgumentException("Point " + index + " is null");
				}
				encoder.encode(point, buffer);
				index++;
			}
			sendLineProtocol(buffer.array(), buffer.size(), precision, "writing " + points.size() + " point(s)");
		}
		finally {
			buffers.giveBack(buffer);
		}
	}

	@Override
	public CnosRowWriter rows() {
		return rows(this.writePrecision);
	}

	@Override
	public CnosRowWriter rows(CnosPrecision precision) {
		Assert.notNull(precision, "Precision must not be null");
		EncodeBuffers buffers = getHttpClient().encodeBuffers();
		return new CnosRowWriter(this, this.encoders.encoder(precision, buffers), buffers);
	}

	@Override
	public void writeObjects(Object... objects) {
		Assert.notNull(objects, "Objects must not be null");
		writeObjects(Arrays.asList(objects));
	}

	@Override
	public void writeObjects(Collection<?> objects) {
		Assert.notNull(objects, "Objects must not be null");
		List<Point> points = new ArrayList<>(objects.size());
		for (Object object : objects) {
			points.add(PointMapper.toPoint(object));
		}
		write(this.writePrecision, points);
	}

	@Override
	public CsvImportResult writeCsv(String table, Path csv) {
		return writeCsv(table, csv, CsvImportOptions.defaults());
	}

	@Override
	public CsvImportResult writeCsv(String table, Path csv, CsvImportOptions options) {
		Assert.hasText(table, "Table must not be empty");
		Assert.notNull(csv, "CSV path must not be null");
		Assert.notNull(options, "Options must not be null");
		return new CsvImporter(this, this::describeTable, table, csv, options).run();
	}

	@Override
	public void sendLineProtocol(byte[] bytes, int length, CnosPrecision precision, String what) {
		getHttpClient().write(bytes, length, getDatabase(), getTenant(), precision, () -> what + " to " + scope());
	}

	// Scope

	@Override
	public CnosTemplate withDatabase(String database) {
		return new CnosTemplate(getHttpClient(), false, database, getTenant(), this.writePrecision, this.encoders,
				this.rows, this.rowMappers);
	}

	@Override
	public CnosTemplate withTenant(String tenant) {
		return new CnosTemplate(getHttpClient(), false, getDatabase(), tenant, this.writePrecision, this.encoders,
				this.rows, this.rowMappers);
	}

	@Override
	public CnosPrecision getWritePrecision() {
		return this.writePrecision;
	}

	/**
	 * The tags added to every point this template writes ({@link #write(Point...)} and
	 * {@link #writeObjects(Object...)} and their overloads, and the rows of
	 * {@link #rows()}) unless the point has a tag or field of that name; raw lines are
	 * sent as given. Empty unless set with {@link CnosTemplateBuilder#defaultTags(Map)}.
	 */
	public Map<String, String> getDefaultTags() {
		return this.encoders.defaultTags();
	}

	@Override
	public String toString() {
		return "CnosTemplate[url=" + CnosMessageValues.abbreviate(getUrl()) + ", user="
				+ CnosMessageValues.abbreviate(getUser()) + ", tenant=" + CnosMessageValues.abbreviate(getTenant())
				+ ", database=" + CnosMessageValues.abbreviate(getDatabase()) + "]";
	}

	// Internals

	/**
	 * The mapper for {@link CnosClient}'s {@code query(Class)}: one column for simple
	 * types, by name for records and classes.
	 */
	@SuppressWarnings("unchecked")
	<T> RowMapper<T> rowMapper(Class<T> type) {
		Assert.notNull(type, "Type must not be null");
		return (RowMapper<T>) this.rowMappers.computeIfAbsent(type, (key) -> BeanUtils.isSimpleProperty(key)
				? new SingleColumnRowMapper<>(key) : new CnosDataClassRowMapper<>(key));
	}

	private <T> RowMapper<T> singleColumnMapper(Class<T> type) {
		Assert.notNull(type, "Type must not be null");
		return new SingleColumnRowMapper<>(type);
	}

	private <T> T run(String sql, Function<QueryResult, T> action) {
		Assert.hasText(sql, "SQL must not be empty");
		try (QueryResult result = getHttpClient().query(sql, getDatabase(), getTenant(), () -> describe(sql))) {
			return action.apply(result);
		}
	}

	/**
	 * What a statement does, for messages: made only when a message is, since masking
	 * password literals costs a scan of the statement.
	 */
	private String describe(String sql) {
		String statement = CnosMessageValues.abbreviate(getHttpClient().credentials().redact(sql),
				MAX_STATEMENT_IN_MESSAGE);
		return "executing SQL [" + statement + "] in " + scope();
	}

}
