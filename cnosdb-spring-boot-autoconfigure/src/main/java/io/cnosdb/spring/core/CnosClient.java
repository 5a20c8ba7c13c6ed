package io.cnosdb.spring.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.support.DataAccessUtils;

/**
 * A fluent client for CnosDB statements with named parameters, in the manner of Spring's
 * {@code JdbcClient}:
 *
 * <pre class="code">
 * List&lt;Reading&gt; readings = client.sql("SELECT * FROM air WHERE station = :station AND time &gt;= :from")
 *     .param("station", "XiaoMaiDao")
 *     .param("from", Instant.parse("2024-01-01T00:00:00Z"))
 *     .query(Reading.class)
 *     .list();
 * </pre>
 *
 * CnosDB's HTTP API has no bind parameters, so values are rendered on the client as
 * literals that cannot change the statement: strings quoted with {@code '} doubled,
 * numbers in full precision, {@code java.time} values as timestamps, collections as
 * comma-separated lists for {@code IN (:names)}, {@code null} as {@code NULL}.
 * <p>
 * Create one with {@link #create(CnosTemplate)}; it runs its statements through the
 * template, in the template's tenant and database.
 */
public interface CnosClient {

	/**
	 * Starts a statement, which may hold {@code :name} parameters.
	 * @param sql the statement
	 */
	StatementSpec sql(String sql);

	/** A client on another database of the same tenant; this one is unchanged. */
	CnosClient withDatabase(String database);

	/** A client on another tenant; this one is unchanged. */
	CnosClient withTenant(String tenant);

	/** A client that runs its statements through a template. */
	static CnosClient create(CnosTemplate template) {
		return new DefaultCnosClient(template);
	}

	/** A statement and its parameters. */
	interface StatementSpec {

		/** Binds a value to {@code :name}. */
		StatementSpec param(String name, @Nullable Object value);

		/** Binds every entry of a map. */
		StatementSpec params(Map<String, ?> values);

		/**
		 * Maps each row to a type as {@code JdbcClient} does: a simple type such as
		 * {@code Long}, {@code Instant} or {@code String} from the only column, any other
		 * type (a record or class) by column name, with {@link CnosDataClassRowMapper}.
		 */
		<T> MappedQuerySpec<T> query(Class<T> mappedClass);

		/** Maps each row with a mapper. */
		<T> MappedQuerySpec<T> query(RowMapper<T> mapper);

		/**
		 * Runs the query and hands each row to a handler as it is read, keeping none in
		 * memory.
		 */
		void query(RowCallbackHandler handler);

		/**
		 * Runs the query and returns each row as a map, as
		 * {@link CnosOperations#queryForList(String)}.
		 */
		List<Map<String, @Nullable Object>> listOfRows();

		/**
		 * Runs a statement without a result set, or an INSERT.
		 * @return the number of rows an INSERT wrote, 0 for other statements
		 */
		long update();

		/** The statement with every parameter rendered, as it is sent. */
		String toSql();

	}

	/**
	 * The mapped results of a query.
	 *
	 * @param <T> the mapped type
	 */
	interface MappedQuerySpec<T> {

		/** All rows. */
		List<T> list();

		/** The rows as they are read, one in memory at a time; close the stream. */
		Stream<T> stream();

		/**
		 * The only row.
		 * @throws org.springframework.dao.EmptyResultDataAccessException if there is no
		 * row
		 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there
		 * are several
		 */
		default T single() {
			return DataAccessUtils.requiredSingleResult(list());
		}

		/**
		 * The only row, or empty.
		 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there
		 * are several
		 */
		default Optional<T> optional() {
			return Optional.ofNullable(DataAccessUtils.singleResult(list()));
		}

	}

}
