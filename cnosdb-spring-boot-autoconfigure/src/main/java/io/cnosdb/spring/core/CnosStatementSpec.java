package io.cnosdb.spring.core;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A statement with named parameters, from {@link CnosOperations#sql(String)}:
 *
 * <pre class="code">
 * List&lt;Reading&gt; readings = cnos.sql("SELECT * FROM air WHERE station = :station AND time &gt;= :from")
 *     .param("station", "XiaoMaiDao")
 *     .param("from", Instant.parse("2024-01-01T00:00:00Z"))
 *     .query(Reading.class)
 *     .list();
 * </pre>
 *
 * Values render as literals: strings quoted with {@code '} doubled, numbers in full
 * precision, {@code java.time} values as timestamps, collections as comma-separated lists
 * for {@code IN (:names)}, {@code null} as {@code NULL}.
 */
public interface CnosStatementSpec {

	/** Binds a value to {@code :name}. */
	CnosStatementSpec param(String name, @Nullable Object value);

	/** Binds every entry of a map. */
	CnosStatementSpec params(Map<String, ?> values);

	/**
	 * Maps each row to a type, as {@link CnosOperations#queryForList(String, Class)}
	 * does.
	 */
	<T> CnosMappedQuerySpec<T> query(Class<T> type);

	/** Maps each row with a mapper. */
	<T> CnosMappedQuerySpec<T> query(RowMapper<T> mapper);

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

	/** The statement with every parameter rendered, as it would be sent. */
	String toSql();

}
