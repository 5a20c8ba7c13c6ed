package io.cnosdb.spring.core.ddl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.support.CnosMessageValues;
import io.cnosdb.spring.core.sql.CnosSql;

import org.springframework.util.Assert;

/**
 * A table for {@code CREATE TABLE}: typed field columns, each with an optional codec, and
 * string tag columns. The {@code time} column is implicit. Checked when built, so a bad
 * definition fails before anything is sent.
 *
 * <pre class="code">
 * TableDefinition.builder("air")
 *     .field("visibility", FieldType.DOUBLE)
 *     .field("pressure", FieldType.DOUBLE, Codec.GORILLA)
 *     .tags("station")
 *     .ifNotExists()
 *     .build();
 * </pre>
 *
 * @param name the table name
 * @param fields the field columns, at least one
 * @param tags the tag column names
 * @param ifNotExists whether to do nothing when the table exists
 */
public record TableDefinition(String name, List<FieldColumn> fields, List<String> tags, boolean ifNotExists) {

	public TableDefinition {
		CnosSql.validateName("table", name);
		Assert.notEmpty(fields,
				() -> "Table '" + CnosMessageValues.abbreviate(name) + "' needs at least one field column");
		fields = List.copyOf(fields);
		tags = List.copyOf(tags);
		Set<String> seen = new HashSet<>();
		for (FieldColumn field : fields) {
			checkColumn(name, field.name(), seen);
		}
		for (String tag : tags) {
			CnosSql.validateName("tag", tag);
			checkColumn(name, tag, seen);
		}
	}

	private static void checkColumn(String table, String column, Set<String> seen) {
		if (column.equals("time")) {
			throw new IllegalArgumentException("Table '" + CnosMessageValues.abbreviate(table)
					+ "' cannot declare a column named 'time': " + "CnosDB adds the time column to every table");
		}
		if (!seen.add(column)) {
			throw new IllegalArgumentException("Table '" + CnosMessageValues.abbreviate(table)
					+ "' declares the column '" + CnosMessageValues.abbreviate(column) + "' twice");
		}
	}

	/** Starts a definition of the named table. */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * A field column.
	 *
	 * @param name the column name
	 * @param type the type
	 * @param codec the compression codec, or {@code null} for the server's default
	 */
	public record FieldColumn(String name, FieldType type, @Nullable Codec codec) {

		public FieldColumn {
			CnosSql.validateName("field", name);
			Assert.notNull(type, () -> "Field '" + CnosMessageValues.abbreviate(name) + "' needs a type");
			if (codec != null && !type.supports(codec)) {
				throw new IllegalArgumentException(
						"Codec " + codec + " cannot compress field '" + CnosMessageValues.abbreviate(name)
								+ "' of type " + type.sql() + "; it accepts " + type.codecs());
			}
		}

	}

	/** Builds a {@link TableDefinition}. */
	public static final class Builder {

		private final String name;

		private final List<FieldColumn> fields = new ArrayList<>();

		private final List<String> tags = new ArrayList<>();

		private boolean ifNotExists;

		private Builder(String name) {
			this.name = name;
		}

		/** Adds a field column with the server's default codec. */
		public Builder field(String name, FieldType type) {
			return field(name, type, null);
		}

		/** Adds a field column with a codec. */
		public Builder field(String name, FieldType type, @Nullable Codec codec) {
			this.fields.add(new FieldColumn(name, type, codec));
			return this;
		}

		/** Adds tag columns. */
		public Builder tags(String... names) {
			this.tags.addAll(List.of(names));
			return this;
		}

		/** Do nothing, rather than fail, when the table exists. */
		public Builder ifNotExists() {
			this.ifNotExists = true;
			return this;
		}

		public TableDefinition build() {
			return new TableDefinition(this.name, this.fields, this.tags, this.ifNotExists);
		}

	}

}
