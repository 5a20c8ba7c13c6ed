package io.cnosdb.spring.core;

import io.cnosdb.spring.core.sql.NamedParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.support.DataAccessUtils;
import org.springframework.util.Assert;

/**
 * The {@link CnosStatementSpec} of a {@link CnosTemplate}: collects parameters and
 * renders them into the statement when it runs.
 */
final class DefaultStatementSpec implements CnosStatementSpec {

	private final CnosTemplate template;

	private final String sql;

	private final Map<String, @Nullable Object> parameters = new HashMap<>();

	DefaultStatementSpec(CnosTemplate template, String sql) {
		this.template = template;
		this.sql = sql;
	}

	@Override
	public CnosStatementSpec param(String name, @Nullable Object value) {
		Assert.hasText(name, "Parameter name must not be empty");
		this.parameters.put(name, value);
		return this;
	}

	@Override
	public CnosStatementSpec params(Map<String, ?> values) {
		Assert.notNull(values, "Parameter map must not be null");
		values.forEach(this::param);
		return this;
	}

	@Override
	public <T> CnosMappedQuerySpec<T> query(Class<T> type) {
		return query(this.template.rowMapper(type));
	}

	@Override
	public <T> CnosMappedQuerySpec<T> query(RowMapper<T> mapper) {
		Assert.notNull(mapper, "RowMapper must not be null");
		return new MappedQuery<>(mapper);
	}

	@Override
	public List<Map<String, @Nullable Object>> listOfRows() {
		return this.template.queryForList(toSql());
	}

	@Override
	public long update() {
		return this.template.update(toSql());
	}

	@Override
	public String toSql() {
		return NamedParameters.render(this.sql, this.parameters);
	}

	private final class MappedQuery<T> implements CnosMappedQuerySpec<T> {

		private final RowMapper<T> mapper;

		MappedQuery(RowMapper<T> mapper) {
			this.mapper = mapper;
		}

		@Override
		public List<T> list() {
			return DefaultStatementSpec.this.template.query(toSql(), this.mapper);
		}

		@Override
		public T single() {
			return DataAccessUtils.requiredSingleResult(list());
		}

		@Override
		public Optional<T> optional() {
			return Optional.ofNullable(DataAccessUtils.singleResult(list()));
		}

		@Override
		public Stream<T> stream() {
			return DefaultStatementSpec.this.template.queryForStream(toSql(), this.mapper);
		}

	}

}
