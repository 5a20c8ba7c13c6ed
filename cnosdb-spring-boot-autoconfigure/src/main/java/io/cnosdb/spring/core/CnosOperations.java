package io.cnosdb.spring.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * SQL against CnosDB in the manner of {@code JdbcOperations}: run a statement, map rows,
 * stream them. Implemented by {@link CnosTemplate}; declare this type to make code easy
 * to test. The fluent API with named parameters is {@link CnosClient}; DDL helpers are
 * {@link CnosSchemaOperations}, writes {@link CnosWriteOperations}.
 * <p>
 * Every failure is a {@link org.springframework.dao.DataAccessException}. Statements run
 * in the operations' tenant and database ({@link #getTenant()}, {@link #getDatabase()}).
 */
public interface CnosOperations {

	/** Runs a statement and ignores any result: DDL, DCL, INSERT. */
	void execute(String sql);

	/**
	 * Runs a query; one map per row, keys in the statement's column order. Values are the
	 * exact text the server sent ({@code null} for NULL), since CnosDB's answer carries
	 * no column types; ask for a type with a {@link RowMapper} or
	 * {@link #queryForList(String, Class)}. A repeated column name gets a {@code _2},
	 * {@code _3} suffix.
	 */
	List<Map<String, @Nullable Object>> queryForList(String sql);

	/**
	 * Runs a query whose result has one column and converts each value to a simple type
	 * such as {@code Long}, {@code Instant} or {@code String}, as
	 * {@code JdbcTemplate.queryForList(sql, elementType)} does. A result of several
	 * columns fails; to map rows to records or classes by column name, use
	 * {@link CnosDataClassRowMapper} or {@link CnosClient}'s {@code query(Class)}.
	 */
	<T> List<T> queryForList(String sql, Class<T> elementType);

	/** Runs a query and maps each row. */
	<T> List<T> query(String sql, RowMapper<T> mapper);

	/**
	 * Runs a query and hands each row to a handler as it is read, keeping none in memory.
	 */
	void query(String sql, RowCallbackHandler handler);

	/**
	 * Runs a query that returns exactly one row of one column and converts its value to a
	 * simple type, as {@code JdbcTemplate.queryForObject(sql, requiredType)} does.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if there is no row
	 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there are
	 * several
	 */
	<T> @Nullable T queryForObject(String sql, Class<T> requiredType);

	/** Like {@link #queryForObject(String, Class)}, with a mapper. */
	<T> @Nullable T queryForObject(String sql, RowMapper<T> mapper);

	/**
	 * Runs a query and streams the mapped rows as they are read, holding one row in
	 * memory. The stream holds the connection: close it, with try-with-resources.
	 */
	<T> Stream<T> queryForStream(String sql, RowMapper<T> mapper);

	/**
	 * Like {@link #queryForStream(String, RowMapper)}, converting the only column of each
	 * row to a simple type as {@link #queryForList(String, Class)} does.
	 */
	<T> Stream<T> queryForStream(String sql, Class<T> elementType);

	/** Operations on another database of the same tenant; this one is unchanged. */
	CnosOperations withDatabase(String database);

	/** Operations on another tenant; this one is unchanged. */
	CnosOperations withTenant(String tenant);

	/** The database statements and writes address. */
	String getDatabase();

	/** The tenant statements and writes address. */
	String getTenant();

}
