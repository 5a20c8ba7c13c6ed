package io.cnosdb.spring.core;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.TypeMismatchDataAccessException;

/**
 * One row of a CnosDB result, as a {@link RowMapper} sees it: the exact text the server sent
 * for each column, converted on request to the type asked for.
 * <p>
 * CnosDB's CSV answer carries no column types, so the row never guesses one: a tag
 * {@code "007"} stays {@code "007"} until a caller asks for a number. An empty value is
 * NULL; CSV cannot tell NULL from an empty string, so both read as {@code null}.
 * <p>
 * A row object is reused for the next row: mappers must not keep it.
 */
public final class CnosRow {

	private final CnosColumns columns;

	private final ConversionService conversionService;

	private String[] values = new String[0];

	private int rowNumber = -1;

	CnosRow(CnosColumns columns, ConversionService conversionService) {
		this.columns = columns;
		this.conversionService = conversionService;
	}

	void advance(String[] values) {
		this.values = values;
		this.rowNumber++;
	}

	/** The zero-based number of this row within the result. */
	public int getRowNumber() {
		return this.rowNumber;
	}

	/** How many columns the result has. */
	public int getColumnCount() {
		return this.columns.count();
	}

	/** The column names in the statement's order, duplicates included. */
	public List<String> getColumnNames() {
		return this.columns.names();
	}

	/** The name of a column. */
	public String getColumnName(int index) {
		return this.columns.name(index);
	}

	/** Whether the result has a column of this name (exact, then ignoring case). */
	public boolean hasColumn(String name) {
		return this.columns.indexOf(name) >= 0;
	}

	/** The index of the named column (exact, then ignoring case). */
	public int getColumnIndex(String name) {
		int index = this.columns.indexOf(name);
		if (index < 0) {
			throw new InvalidDataAccessApiUsageException(
					"No column '" + name + "' in the result; its columns are " + this.columns.names());
		}
		return index;
	}

	/** Whether the value is NULL (or, for a string column, empty: CSV cannot tell them apart). */
	public boolean isNull(int index) {
		return getString(index) == null;
	}

	/** See {@link #isNull(int)}. */
	public boolean isNull(String column) {
		return isNull(getColumnIndex(column));
	}

	/** The exact text the server sent, or {@code null} for NULL. */
	public @Nullable String getString(int index) {
		if (index < 0 || index >= this.columns.count()) {
			throw new InvalidDataAccessApiUsageException(
					"Column index " + index + " is out of range: the result has " + this.columns.count() + " columns");
		}
		String value = (index < this.values.length) ? this.values[index] : null;
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** See {@link #getString(int)}. */
	public @Nullable String getString(String column) {
		return getString(getColumnIndex(column));
	}

	/** The value as a {@code long}; fails on NULL. */
	public long getLong(String column) {
		return required(column, Long.class);
	}

	/** The value as a {@code double}, {@code NaN} and {@code inf} included; fails on NULL. */
	public double getDouble(String column) {
		return required(column, Double.class);
	}

	/** The value as a {@code boolean}; fails on NULL. */
	public boolean getBoolean(String column) {
		return required(column, Boolean.class);
	}

	/** The value as an instant with every nanosecond, or {@code null}. */
	public @Nullable Instant getInstant(String column) {
		return getObject(column, Instant.class);
	}

	/** The value as a big integer, for unsigned values above {@code Long.MAX_VALUE}, or {@code null}. */
	public @Nullable BigInteger getBigInteger(String column) {
		return getObject(column, BigInteger.class);
	}

	/** The value converted to a type, or {@code null} for NULL. */
	public <T> @Nullable T getObject(String column, Class<T> type) {
		return getObject(getColumnIndex(column), type);
	}

	/** The value converted to a type, or {@code null} for NULL. */
	public <T> @Nullable T getObject(int index, Class<T> type) {
		return convert(index, TypeDescriptor.valueOf(type), type);
	}

	@SuppressWarnings("unchecked")
	<T> @Nullable T convert(int index, TypeDescriptor target, Class<T> type) {
		String value = getString(index);
		if (value == null) {
			return null;
		}
		try {
			return (T) this.conversionService.convert(value, TypeDescriptor.valueOf(String.class), target);
		}
		catch (RuntimeException ex) {
			throw new TypeMismatchDataAccessException("Cannot convert value '" + value + "' of column '"
					+ this.columns.name(index) + "' (row " + this.rowNumber + ") to " + type.getName(), ex);
		}
	}

	private <T> T required(String column, Class<T> type) {
		T value = getObject(column, type);
		if (value == null) {
			throw new TypeMismatchDataAccessException("Column '" + column + "' is NULL in row " + this.rowNumber
					+ " and cannot be read as " + type.getSimpleName());
		}
		return value;
	}

}
