package io.cnosdb.spring.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.DdlStatements;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolSender;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.core.write.PointMapper;
import io.cnosdb.spring.core.csv.CsvImportOptions;
import io.cnosdb.spring.core.csv.CsvImportResult;
import io.cnosdb.spring.core.csv.CsvImporter;
import io.cnosdb.spring.core.http.CallTimeoutRequestFactory;
import io.cnosdb.spring.core.http.CnosCredentials;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosPing;
import io.cnosdb.spring.core.http.DefaultRequestFactories;
import io.cnosdb.spring.core.http.QueryResult;
import io.cnosdb.spring.core.http.WriteBodies;
import io.cnosdb.spring.core.result.CnosColumns;
import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.support.CnosDefaults;
import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;
import io.cnosdb.spring.core.write.EncodeBuffers;

import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The central class of the CnosDB client: runs SQL, maps rows, creates and drops
 * databases, tables and users, and writes line protocol, over CnosDB's HTTP API.
 * <p>
 * Thread-safe and immutable: {@link #withDatabase(String)} and
 * {@link #withTenant(String)} return new templates that share this one's HTTP client. In
 * a Spring Boot application the auto-configuration creates one from {@code cnosdb.*}
 * properties; elsewhere use {@link #builder()}.
 */
public class CnosTemplate implements CnosOperations, LineProtocolSender {

	private static final int MAX_STATEMENT_IN_MESSAGE = 500;

	private final CnosHttpClient client;

	private final String database;

	private final String tenant;

	private final ConversionService conversionService;

	/**
	 * Whether values may be read without the conversion service: only when it is CnosDB's
	 * own.
	 */
	private final boolean directConversions;

	private final ConcurrentMap<Class<?>, RowMapper<?>> rowMappers;

	private final CnosPrecision writePrecision;

	/** The most rows a list-returning query collects. */
	private final int maxRows;

	private CnosTemplate(CnosHttpClient client, String database, String tenant, CnosPrecision writePrecision,
			ConversionService conversionService, boolean directConversions,
			ConcurrentMap<Class<?>, RowMapper<?>> rowMappers, int maxRows) {
		this.client = client;
		this.maxRows = maxRows;
		this.database = CnosSql.validateName("database", database);
		this.tenant = CnosSql.validateName("tenant", tenant);
		Assert.notNull(writePrecision, "Write precision must not be null");
		this.writePrecision = writePrecision;
		this.conversionService = conversionService;
		this.directConversions = directConversions;
		this.rowMappers = rowMappers;
	}

	/** Starts building a template; every setting has the server's default. */
	public static Builder builder() {
		return new Builder();
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
		return run(sql, (result) -> rowsAsMaps(result, sql));
	}

	@Override
	public <T> List<T> queryForList(String sql, Class<T> type) {
		return query(sql, rowMapper(type));
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper) {
		Assert.notNull(mapper, "RowMapper must not be null");
		return run(sql, (result) -> {
			List<T> rows = new ArrayList<>();
			forEachRow(result, (row) -> {
				checkRowLimit(rows.size(), sql);
				rows.add(mapper.mapRow(row, row.getRowNumber()));
			});
			return rows;
		});
	}

	@Override
	public void query(String sql, RowCallbackHandler handler) {
		Assert.notNull(handler, "RowCallbackHandler must not be null");
		run(sql, (result) -> {
			forEachRow(result, handler);
			return null;
		});
	}

	@Override
	public <T> @Nullable T queryForObject(String sql, Class<T> type) {
		return queryForObject(sql, rowMapper(type));
	}

	@Override
	public <T> @Nullable T queryForObject(String sql, RowMapper<T> mapper) {
		return DataAccessUtils.singleResult(requireRows(query(sql, mapper)));
	}

	private static <T> List<T> requireRows(List<T> rows) {
		if (rows.isEmpty()) {
			throw new org.springframework.dao.EmptyResultDataAccessException(1);
		}
		return rows;
	}

	@Override
	public <T> Stream<T> queryForStream(String sql, RowMapper<T> mapper) {
		Assert.notNull(mapper, "RowMapper must not be null");
		QueryResult result = this.client.query(sql, this.database, this.tenant, describe(sql));
		try {
			return StreamSupport.stream(new RowSpliterator<>(result, newRow(result), mapper), false)
				.onClose(result::close);
		}
		catch (RuntimeException ex) {
			result.close();
			throw ex;
		}
	}

	@Override
	public <T> Stream<T> queryForStream(String sql, Class<T> type) {
		return queryForStream(sql, rowMapper(type));
	}

	@Override
	public CnosStatementSpec sql(String sql) {
		Assert.hasText(sql, "SQL must not be empty");
		return new DefaultStatementSpec(this, sql);
	}

	long update(String sql) {
		return run(sql, (result) -> {
			int rowsColumn = (result.columns().count() == 1) ? result.columns().indexOf("rows") : -1;
			if (rowsColumn < 0 || !result.next()) {
				result.finish();
				return 0L;
			}
			CnosRow row = newRow(result);
			row.advance();
			long rows = row.getLong(rowsColumn);
			result.finish();
			return rows;
		});
	}

	// DDL helpers

	@Override
	public List<String> listDatabases() {
		return queryForList(DdlStatements.showDatabases(), (row, rowNumber) -> row.getString("database_name"));
	}

	@Override
	public List<String> listTables() {
		return queryForList(DdlStatements.showTables(), (row, rowNumber) -> row.getString("table_name"));
	}

	private List<String> queryForList(String sql, RowMapper<@Nullable String> mapper) {
		List<String> names = new ArrayList<>();
		for (String name : query(sql, mapper)) {
			if (name != null) {
				names.add(name);
			}
		}
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
		execute(DdlStatements.dropTable(name, true));
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

	/**
	 * Writes lines whose timestamps are in this template's write precision (nanoseconds
	 * unless the builder set another).
	 */
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
		LineBody body = new LineBody(lines.size() * 128);
		int index = 0;
		for (String line : lines) {
			checkLine(index++, line);
			body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
			body.write('\n');
		}
		sendLineProtocol(body.bytes(), body.size(), precision, "writing " + lines.size() + " line(s)");
	}

	/** Collected lines, sent from the stream's own array rather than a copy of it. */
	private static final class LineBody extends ByteArrayOutputStream {

		LineBody(int size) {
			super(size);
		}

		byte[] bytes() {
			return this.buf;
		}

	}

	/*
	 * Only null and what UTF-8 cannot encode are refused: the server ends a line only at
	 * a line break outside quotes and skips blank lines, so a string field holding a line
	 * break (as the encoder writes it) and the lines of a CnosWriteFailure can be sent
	 * again as they are.
	 */
	private static void checkLine(int index, @Nullable String line) {
		if (line == null) {
			throw new IllegalArgumentException("Line " + index + " is null: every line must be text");
		}
		int surrogate = CnosSql.indexOfUnpairedSurrogate(line);
		if (surrogate >= 0) {
			// Encoded as '?', it would store other text than the caller's without a word.
			throw new IllegalArgumentException("Line " + index + " " + CnosSql.unpairedSurrogate(surrogate));
		}
	}

	@Override
	public void write(Point... points) {
		Assert.notNull(points, "Points must not be null");
		write(CnosPrecision.NS, Arrays.asList(points));
	}

	@Override
	public void write(Collection<Point> points) {
		write(CnosPrecision.NS, points);
	}

	@Override
	public void write(CnosPrecision precision, Collection<Point> points) {
		Assert.notNull(precision, "Precision must not be null");
		Assert.notNull(points, "Points must not be null");
		if (points.isEmpty()) {
			return;
		}
		EncodeBuffers buffers = this.client.encodeBuffers();
		LineProtocolEncoder encoder = buffers.encoder(precision);
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
	public void write(Object... objects) {
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
		write(CnosPrecision.NS, points);
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
		this.client.write(bytes, length, this.database, this.tenant, precision, what + " to " + scope());
	}

	// Scope

	@Override
	public CnosTemplate withDatabase(String database) {
		return new CnosTemplate(this.client, database, this.tenant, this.writePrecision, this.conversionService,
				this.directConversions, this.rowMappers, this.maxRows);
	}

	@Override
	public CnosTemplate withTenant(String tenant) {
		return new CnosTemplate(this.client, this.database, tenant, this.writePrecision, this.conversionService,
				this.directConversions, this.rowMappers, this.maxRows);
	}

	@Override
	public String getDatabase() {
		return this.database;
	}

	@Override
	public String getTenant() {
		return this.tenant;
	}

	/** The precision of timestamps that {@link #writeLines(Collection)} sends. */
	public CnosPrecision getWritePrecision() {
		return this.writePrecision;
	}

	// Health

	/** The statement {@link #validate(Duration)} runs. */
	public static final String VALIDATION_QUERY = "SELECT 1";

	/**
	 * Asks the server whether it is up, with {@code GET /api/v1/ping}, which needs no
	 * credentials and sends none. Unlike statements, a ping waits at most {@code timeout}
	 * to connect and at most {@code timeout} for the answer, whatever the template's own
	 * timeouts, so a health check stays short when the server hangs.
	 * @param timeout the longest wait to connect, and again for the answer
	 * @return the server's version and status
	 * @throws org.springframework.dao.DataAccessException when the server is unreachable,
	 * too slow ({@link org.springframework.dao.QueryTimeoutException}) or answers with an
	 * error (an exception implementing
	 * {@link io.cnosdb.spring.core.exception.CnosServerFailure})
	 */
	public CnosPing ping(Duration timeout) {
		Assert.notNull(timeout, "Timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
		return this.client.ping(timeout);
	}

	/**
	 * Checks that the template's user can run a statement on its database and tenant:
	 * runs {@value #VALIDATION_QUERY} with the template's credentials, bounded by
	 * {@code timeout} as {@link #ping(Duration)} is. A ping proves the server is up; only
	 * a statement proves that the credentials and the tenant work, as Spring Boot's
	 * DataSource health check runs a validation query for the same reason.
	 * @param timeout the longest wait to connect, and again for the answer
	 * @throws org.springframework.dao.DataAccessException when the statement fails, such
	 * as {@link io.cnosdb.spring.core.exception.CnosPermissionDeniedException} for
	 * credentials the server refuses
	 */
	public void validate(Duration timeout) {
		Assert.notNull(timeout, "Timeout must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
		this.client.validate(VALIDATION_QUERY, this.database, this.tenant, timeout);
	}

	/** The server's URL, without any user information. */
	public String getUrl() {
		return this.client.displayUrl();
	}

	/** The user requests authenticate as. */
	public String getUser() {
		return this.client.credentials().user();
	}

	@Override
	public String toString() {
		return "CnosTemplate[url=" + CnosMessageValues.abbreviate(getUrl()) + ", user="
				+ CnosMessageValues.abbreviate(getUser()) + ", tenant=" + CnosMessageValues.abbreviate(this.tenant)
				+ ", database=" + CnosMessageValues.abbreviate(this.database) + "]";
	}

	// Internals

	/**
	 * The mapper for a type: one column for simple types, by name for records and
	 * classes.
	 */
	@SuppressWarnings("unchecked")
	<T> RowMapper<T> rowMapper(Class<T> type) {
		Assert.notNull(type, "Type must not be null");
		return (RowMapper<T>) this.rowMappers.computeIfAbsent(type, (key) -> BeanUtils.isSimpleProperty(key)
				? new SingleColumnRowMapper<>(key) : new CnosDataClassRowMapper<>(key));
	}

	private <T> T run(String sql, Function<QueryResult, T> action) {
		Assert.hasText(sql, "SQL must not be empty");
		try (QueryResult result = this.client.query(sql, this.database, this.tenant, describe(sql))) {
			return action.apply(result);
		}
	}

	private CnosRow newRow(QueryResult result) {
		return new CnosRow(result.columns(), result.reader(), this.conversionService, this.directConversions);
	}

	private void forEachRow(QueryResult result, RowCallbackHandler handler) {
		CnosRow row = newRow(result);
		while (result.next()) {
			row.advance();
			handler.processRow(row);
		}
	}

	/**
	 * Fails a list-returning query before its list exhausts the heap: an answer that
	 * large is read a row at a time, with a stream or a callback.
	 */
	private void checkRowLimit(int rows, String sql) {
		if (rows >= this.maxRows) {
			throw new DataRetrievalFailureException("The answer has more than " + this.maxRows + " rows, the most a "
					+ "list holds (cnosdb.max-rows, or maxRows of the template's builder), while " + describe(sql)
					+ "; read it a row at a time with queryForStream or query(sql, RowCallbackHandler), narrow it "
					+ "(WHERE, LIMIT), or raise the limit");
		}
	}

	private List<Map<String, @Nullable Object>> rowsAsMaps(QueryResult result, String sql) {
		String[] keys = uniqueKeys(result.columns());
		CnosRow row = newRow(result);
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		while (result.next()) {
			checkRowLimit(rows.size(), sql);
			row.advance();
			Map<String, @Nullable Object> map = new LinkedHashMap<>(keys.length * 2);
			for (int i = 0; i < keys.length; i++) {
				map.put(keys[i], row.getString(i));
			}
			rows.add(map);
		}
		return rows;
	}

	private static String[] uniqueKeys(CnosColumns columns) {
		String[] keys = new String[columns.count()];
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < keys.length; i++) {
			String name = columns.name(i);
			int count = seen.merge(name, 1, Integer::sum);
			keys[i] = (count == 1) ? name : name + "_" + count;
		}
		return keys;
	}

	private String describe(String sql) {
		String statement = CnosMessageValues.abbreviate(this.client.credentials().redact(sql),
				MAX_STATEMENT_IN_MESSAGE);
		return "executing SQL [" + statement + "] in " + scope();
	}

	/** The database and tenant, for messages. */
	private String scope() {
		return "database '" + CnosMessageValues.abbreviate(this.database) + "' of tenant '"
				+ CnosMessageValues.abbreviate(this.tenant) + "'";
	}

	/**
	 * Maps rows as the stream asks for them, one row per step, with no look-ahead: the
	 * row object shows the reader's current row, so mapping happens before the reader
	 * moves on.
	 */
	private static final class RowSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

		private final QueryResult result;

		private final CnosRow row;

		private final RowMapper<T> mapper;

		RowSpliterator(QueryResult result, CnosRow row, RowMapper<T> mapper) {
			super(Long.MAX_VALUE, Spliterator.ORDERED);
			this.result = result;
			this.row = row;
			this.mapper = mapper;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			if (!this.result.next()) {
				return false;
			}
			this.row.advance();
			action.accept(this.mapper.mapRow(this.row, this.row.getRowNumber()));
			return true;
		}

	}

	/**
	 * Builds a {@link CnosTemplate}. Without a {@link RestClient.Builder}, requests go
	 * through Apache HttpClient 5 when it is on the class path, else the JDK's HTTP
	 * client (whose read timeout bounds a whole exchange, long result streams included).
	 */
	public static final class Builder {

		private String url = CnosDefaults.URL;

		private String user = CnosDefaults.USER;

		private String password = CnosDefaults.PASSWORD;

		private String database = CnosDefaults.DATABASE;

		private String tenant = CnosDefaults.TENANT;

		private Duration connectTimeout = CnosDefaults.CONNECT_TIMEOUT;

		private Duration readTimeout = CnosDefaults.READ_TIMEOUT;

		private RestClient.@Nullable Builder restClientBuilder;

		private CnosExceptionTranslator exceptionTranslator = new DefaultCnosExceptionTranslator();

		private @Nullable ConversionService conversionService;

		private CnosPrecision writePrecision = CnosPrecision.NS;

		private @Nullable Function<Duration, ClientHttpRequestFactory> pingRequestFactory;

		private CnosWriteCompression writeCompression = CnosWriteCompression.NONE;

		private int writeCompressionLevel = 1;

		private int maxConnections = CnosDefaults.MAX_CONNECTIONS;

		private boolean maxConnectionsSet;

		private Duration queryTimeout = CnosDefaults.QUERY_TIMEOUT;

		private int maxRowSize = CnosDefaults.MAX_ROW_SIZE;

		private int maxRows = CnosDefaults.MAX_ROWS;

		private Builder() {
		}

		/**
		 * The server's HTTP URL, such as {@code http://localhost:8902}; surrounding
		 * whitespace is dropped.
		 */
		public Builder url(String url) {
			Assert.hasText(url, "url must not be empty");
			String stripped = url.strip();
			// User information in the URL would fail every request and show up in
			// exception
			// chains; credentials belong in credentials(user, password). Any '@' counts:
			// a
			// password holding '/' or '@' is read by a URI parser as host or path.
			Assert.isTrue(stripped.indexOf('@') < 0, "The CnosDB URL must not hold user information (user:password@); "
					+ "pass them to credentials(user, password)");
			this.url = stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
			return this;
		}

		/**
		 * The user and password for HTTP Basic authentication; the password may be empty.
		 */
		public Builder credentials(String user, String password) {
			this.user = user;
			this.password = password;
			return this;
		}

		/** The database statements and writes address. */
		public Builder database(String database) {
			this.database = database;
			return this;
		}

		/** The tenant statements and writes address. */
		public Builder tenant(String tenant) {
			this.tenant = tenant;
			return this;
		}

		/**
		 * Connect timeout of the default HTTP client; ignored with
		 * {@link #restClientBuilder}.
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Read timeout of the default HTTP client; ignored with
		 * {@link #restClientBuilder}.
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * The longest a statement may take, from sending it to reading its last row, time
		 * spent in row callbacks and stream steps included (default 5 minutes). Past it
		 * the answer is aborted and reading fails with a {@code QueryTimeoutException}.
		 * The read timeout bounds each wait for data; this bounds an answer that keeps
		 * trickling in.
		 */
		public Builder queryTimeout(Duration queryTimeout) {
			Assert.isTrue(queryTimeout != null && !queryTimeout.isNegative() && !queryTimeout.isZero(),
					"queryTimeout must be positive");
			this.queryTimeout = queryTimeout;
			return this;
		}

		/**
		 * The most bytes one row of an answer may take, cells, quotes and commas (default
		 * 64 MiB); a larger row fails with a {@code DataRetrievalFailureException}
		 * instead of exhausting the heap.
		 */
		public Builder maxRowSize(int maxRowSize) {
			Assert.isTrue(maxRowSize > 0, "maxRowSize must be positive");
			this.maxRowSize = maxRowSize;
			return this;
		}

		/**
		 * The most rows a list-returning query ({@code queryForList}, {@code query} with
		 * a {@link RowMapper}, {@code list()}) collects (default one million); more fail
		 * with a {@code DataRetrievalFailureException}. Streams and row callbacks have no
		 * limit.
		 */
		public Builder maxRows(int maxRows) {
			Assert.isTrue(maxRows > 0, "maxRows must be positive");
			this.maxRows = maxRows;
			return this;
		}

		/**
		 * The most connections the default HTTP client (Apache HttpClient 5) keeps to the
		 * server at once (default {@value CnosDefaults#MAX_CONNECTIONS}); a statement
		 * waits for a free one at most the connect timeout. Ignored with
		 * {@link #restClientBuilder}, whose request factory has its own pool, and with
		 * the JDK's client, which has none.
		 */
		public Builder maxConnections(int maxConnections) {
			Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
			this.maxConnections = maxConnections;
			this.maxConnectionsSet = true;
			return this;
		}

		/**
		 * The builder of the {@link RestClient} to send requests with, carrying its
		 * request factory, timeouts, SSL and observations. It is cloned, not changed.
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/** How error answers become exceptions. */
		public Builder exceptionTranslator(CnosExceptionTranslator exceptionTranslator) {
			Assert.notNull(exceptionTranslator, "exceptionTranslator must not be null");
			this.exceptionTranslator = exceptionTranslator;
			return this;
		}

		/**
		 * The precision of timestamps that {@link CnosTemplate#writeLines(Collection)}
		 * sends; nanoseconds, the server's default, unless set.
		 */
		public Builder writePrecision(CnosPrecision writePrecision) {
			Assert.notNull(writePrecision, "writePrecision must not be null");
			this.writePrecision = writePrecision;
			return this;
		}

		/**
		 * How to make the request factory of a {@link CnosTemplate#ping(Duration) ping}:
		 * given the ping's timeout, a factory whose connect and read timeouts do not
		 * exceed it, with the same HTTP client and SSL settings as the template's own. It
		 * is called for every ping and health check, so it should return light factories
		 * over one shared HTTP client rather than a client per timeout. Without it, pings
		 * use one JDK HTTP client, or, with a {@link #restClientBuilder}, that builder's
		 * request factory and its timeouts.
		 */
		public Builder pingRequestFactory(Function<Duration, ClientHttpRequestFactory> pingRequestFactory) {
			Assert.notNull(pingRequestFactory, "pingRequestFactory must not be null");
			this.pingRequestFactory = pingRequestFactory;
			return this;
		}

		/**
		 * How values convert to mapped types; defaults to
		 * {@link CnosConversions#createConversionService()}.
		 */
		public Builder conversionService(ConversionService conversionService) {
			this.conversionService = conversionService;
			return this;
		}

		/**
		 * How write bodies are compressed; off by default, since compressing costs more
		 * than sending on a fast link.
		 * @param compression {@code NONE} or {@code GZIP}
		 * @param level the gzip level, 1 (fastest, the default) to 9
		 */
		public Builder writeCompression(CnosWriteCompression compression, int level) {
			Assert.notNull(compression, "compression must not be null");
			WriteBodies.checkLevel(level);
			this.writeCompression = compression;
			this.writeCompressionLevel = level;
			return this;
		}

		public CnosTemplate build() {
			CnosCredentials credentials = new CnosCredentials(this.user, this.password);
			RestClient restClient = restClientBuilder().baseUrl(this.url).build();
			CnosHttpClient client = new CnosHttpClient(restClient, this.url, credentials, this.exceptionTranslator,
					pingClient(), (this.restClientBuilder == null || this.maxConnectionsSet) ? this.maxConnections : 0);
			client.writeCompression(this.writeCompression, this.writeCompressionLevel);
			ConversionService conversions = (this.conversionService != null) ? this.conversionService
					: CnosConversions.createConversionService();
			client.limits(this.queryTimeout, this.maxRowSize);
			return new CnosTemplate(client, this.database, this.tenant, this.writePrecision, conversions,
					this.conversionService == null, new ConcurrentHashMap<>(), this.maxRows);
		}

		/** One client for pings of every timeout; each ping sets its own timeout. */
		private RestClient pingClient() {
			// Not restClientBuilder(), whose default HTTP client pings would not use.
			RestClient.Builder base = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
					: RestClient.builder();
			Function<Duration, ClientHttpRequestFactory> requestFactory = this.pingRequestFactory;
			if (requestFactory == null && this.restClientBuilder == null) {
				requestFactory = DefaultRequestFactories.jdkPerTimeout(this.connectTimeout);
			}
			if (requestFactory == null) {
				return base.baseUrl(this.url).build();
			}
			return base.requestFactory(new CallTimeoutRequestFactory(requestFactory)).baseUrl(this.url).build();
		}

		private RestClient.Builder restClientBuilder() {
			if (this.restClientBuilder != null) {
				return this.restClientBuilder.clone();
			}
			return RestClient.builder()
				.requestFactory(
						DefaultRequestFactories.create(this.connectTimeout, this.readTimeout, this.maxConnections));
		}

	}

}
