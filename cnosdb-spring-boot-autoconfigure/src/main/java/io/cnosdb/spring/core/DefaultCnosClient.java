package io.cnosdb.spring.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.sql.NamedParameters;

import org.springframework.util.Assert;

/**
 * The {@link CnosClient} over a {@link CnosTemplate}: collects parameters and renders
 * them into the statement when it runs.
 */
final class DefaultCnosClient implements CnosClient {

	private final CnosTemplate template;

	DefaultCnosClient(CnosTemplate template) {
		Assert.notNull(template, "CnosTemplate must not be null");
		this.template = template;
	}

	@Override
	public StatementSpec sql(String sql) {
		Assert.hasText(sql, "SQL must not be empty");
		return new DefaultStatementSpec(sql);
	}

	@Override
	public CnosClient withDatabase(String database) {
		return new DefaultCnosClient(this.template.withDatabase(database));
	}

	@Override
	public CnosClient withTenant(String tenant) {
		return new DefaultCnosClient(this.template.withTenant(tenant));
	}

	private final class DefaultStatementSpec implements StatementSpec {

		private final String sql;

		private final Map<String, @Nullable Object> parameters = new HashMap<>();

		DefaultStatementSpec(String sql) {
			this.sql = sql;
		}

		@Override
		public StatementSpec param(String name, @Nullable Object value) {
			Assert.hasText(name, "Parameter name must not be empty");
			this.parameters.put(name, value);
			return this;
		}

		@Override
		public StatementSpec params(Map<String, ?> values) {
			Assert.notNull(values, "Parameter map must not be null");
			values.forEach(this::param);
			return this;
		}

		@Override
		public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
			return query(DefaultCnosClient.this.template.rowMapper(mappedClass));
		}

		@Override
		public <T> MappedQuerySpec<T> query(RowMapper<T> mapper) {
			Assert.notNull(mapper, "RowMapper must not be null");
			return new DefaultMappedQuerySpec<>(this, mapper);
		}

		@Override
		public void query(RowCallbackHandler handler) {
			DefaultCnosClient.this.template.query(toSql(), handler);
		}

		@Override
		public List<Map<String, @Nullable Object>> listOfRows() {
			return DefaultCnosClient.this.template.queryForList(toSql());
		}

		@Override
		public long update() {
			return DefaultCnosClient.this.template.update(toSql());
		}

		@Override
		public String toSql() {
			return NamedParameters.render(this.sql, this.parameters);
		}

	}

	private final class DefaultMappedQuerySpec<T> implements MappedQuerySpec<T> {

		private final StatementSpec statement;

		private final RowMapper<T> mapper;

		DefaultMappedQuerySpec(StatementSpec statement, RowMapper<T> mapper) {
			this.statement = statement;
			this.mapper = mapper;
		}

		@Override
		public List<T> list() {
			return DefaultCnosClient.this.template.query(this.statement.toSql(), this.mapper);
		}

		@Override
		public Stream<T> stream() {
			return DefaultCnosClient.this.template.queryForStream(this.statement.toSql(), this.mapper);
		}

	}

}
