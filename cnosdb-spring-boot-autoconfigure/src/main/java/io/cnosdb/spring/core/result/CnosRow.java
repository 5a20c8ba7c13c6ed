package io.cnosdb.spring.core.result;

import io.cnosdb.spring.core.RowMapper;
import io.cnosdb.spring.core.support.CnosMessageValues;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.TypeMismatchDataAccessException;

/**
 * One row of a CnosDB result, as a {@link RowMapper} sees it: the exact text the server
 * sent for each column, converted on request to the type asked for.
 * <p>
 * CnosDB's CSV answer carries no column types, so the row never guesses one: a tag
 * {@code "007"} stays {@code "007"} until a caller asks for a number. An empty value is
 * NULL; CSV cannot tell NULL from an empty string, so both read as {@code null}.
 * <p>
 * Columns are read by name (exact, then ignoring case) or, faster, by zero-based index,
 * as with JDBC's {@code ResultSet}. The typed getters read numbers and timestamps
 * straight from the bytes received; repeated short strings, such as tags, are decoded
 * once and shared.
 * <p>
 * A row object is reused for the next row: mappers must not keep it.
 */
public final class CnosRow {

	private static final TypeDescriptor INSTANT = TypeDescriptor.valueOf(Instant.class);

	private static final TypeDescriptor BIG_INTEGER = TypeDescriptor.valueOf(BigInteger.class);

	private final CnosColumns columns;

	private final @Nullable CsvResultReader reader;

	private final ConversionService conversionService;

	/**
	 * Whether numbers, booleans and timestamps may skip the conversion service: only with
	 * CnosDB's own.
	 */
	private final boolean directConversions;

	/**
	 * Made on the first string read, so that a query reading no strings (a count, say)
	 * does not pay for it.
	 */
	private @Nullable ShortStringCache strings;

	private int rowNumber = -1;

	public CnosRow(CnosColumns columns, @Nullable CsvResultReader reader, ConversionService conversionService,
			boolean directConversions) {
		this.columns = columns;
		this.reader = reader;
		this.conversionService = conversionService;
		this.directConversions = directConversions;
	}

	/** Moves to the row the reader is on. */
	public void advance() {
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

	/** The columns of the result, the same object for each of its rows. */
	public CnosColumns columns() {
		return this.columns;
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
					"No column '" + CnosMessageValues.abbreviate(name) + "' in the result; its columns are "
							+ CnosMessageValues.abbreviate(String.valueOf(this.columns.names()), 500));
		}
		return index;
	}

	/**
	 * Whether the value is NULL (or, for a string column, empty: CSV cannot tell them
	 * apart).
	 */
	public boolean isNull(int index) {
		return length(index) == 0;
	}

	/** See {@link #isNull(int)}. */
	public boolean isNull(String column) {
		return isNull(getColumnIndex(column));
	}

	/**
	 * The exact text the server sent, or {@code null} for NULL.
	 * @throws DataRetrievalFailureException if the value is not valid UTF-8
	 */
	public @Nullable String getString(int index) {
		int length = length(index);
		if (length == 0) {
			return null;
		}
		CsvResultReader reader = this.reader;
		ShortStringCache strings = this.strings;
		if (strings == null) {
			strings = new ShortStringCache();
			this.strings = strings;
		}
		try {
			return strings.decode(reader.buffer, reader.starts[index], length);
		}
		catch (IllegalStateException ex) {
			throw new DataRetrievalFailureException("The value of column '" + columnName(index) + "' in row "
					+ this.rowNumber + " of CnosDB's answer " + ex.getMessage(), ex);
		}
	}

	/** See {@link #getString(int)}. */
	public @Nullable String getString(String column) {
		return getString(getColumnIndex(column));
	}

	/** The value as a {@code long}; fails on NULL. */
	public long getLong(int index) {
		if (this.directConversions && length(index) > 0) {
			CsvResultReader reader = this.reader;
			int start = reader.starts[index];
			int end = reader.ends[index];
			if (CsvValues.isPlainLong(reader.buffer, start, end)) {
				return CsvValues.parsePlainLong(reader.buffer, start, end);
			}
		}
		return required(index, Long.class);
	}

	/** The value as a {@code long}; fails on NULL. */
	public long getLong(String column) {
		return getLong(getColumnIndex(column));
	}

	/**
	 * The value as a {@code double}, {@code NaN} and {@code inf} included; fails on NULL.
	 */
	public double getDouble(int index) {
		if (this.directConversions && length(index) > 0) {
			CsvResultReader reader = this.reader;
			int start = reader.starts[index];
			int end = reader.ends[index];
			double value = CsvValues.parseDoubleOrNaN(reader.buffer, start, end);
			if (!Double.isNaN(value) || CsvValues.isToken(reader.buffer, start, end, "NaN")) {
				return value;
			}
		}
		return required(index, Double.class);
	}

	/**
	 * The value as a {@code double}, {@code NaN} and {@code inf} included; fails on NULL.
	 */
	public double getDouble(String column) {
		return getDouble(getColumnIndex(column));
	}

	/** The value as a {@code boolean}; fails on NULL. */
	public boolean getBoolean(int index) {
		if (this.directConversions && length(index) > 0) {
			CsvResultReader reader = this.reader;
			int start = reader.starts[index];
			int end = reader.ends[index];
			if (CsvValues.isToken(reader.buffer, start, end, "true")) {
				return true;
			}
			if (CsvValues.isToken(reader.buffer, start, end, "false")) {
				return false;
			}
		}
		return required(index, Boolean.class);
	}

	/** The value as a {@code boolean}; fails on NULL. */
	public boolean getBoolean(String column) {
		return getBoolean(getColumnIndex(column));
	}

	/** The value as an instant with every nanosecond, or {@code null}. */
	public @Nullable Instant getInstant(int index) {
		if (this.directConversions && length(index) > 0) {
			CsvResultReader reader = this.reader;
			Instant instant = CsvValues.parseInstant(reader.buffer, reader.starts[index], reader.ends[index]);
			if (instant != null) {
				return instant;
			}
		}
		return (length(index) > 0) ? convertText(index, INSTANT, Instant.class) : null;
	}

	/** The value as an instant with every nanosecond, or {@code null}. */
	public @Nullable Instant getInstant(String column) {
		return getInstant(getColumnIndex(column));
	}

	/**
	 * The value as a big integer, for unsigned values above {@code Long.MAX_VALUE}, or
	 * {@code null}.
	 */
	public @Nullable BigInteger getBigInteger(int index) {
		if (this.directConversions && length(index) > 0) {
			CsvResultReader reader = this.reader;
			int start = reader.starts[index];
			int end = reader.ends[index];
			if (CsvValues.isPlainLong(reader.buffer, start, end)) {
				return BigInteger.valueOf(CsvValues.parsePlainLong(reader.buffer, start, end));
			}
		}
		return (length(index) > 0) ? convertText(index, BIG_INTEGER, BigInteger.class) : null;
	}

	/**
	 * The value as a big integer, for unsigned values above {@code Long.MAX_VALUE}, or
	 * {@code null}.
	 */
	public @Nullable BigInteger getBigInteger(String column) {
		return getBigInteger(getColumnIndex(column));
	}

	/** The value converted to a type, or {@code null} for NULL. */
	public <T> @Nullable T getObject(String column, Class<T> type) {
		return getObject(getColumnIndex(column), type);
	}

	/** The value converted to a type, or {@code null} for NULL. */
	public <T> @Nullable T getObject(int index, Class<T> type) {
		return convert(index, TypeDescriptor.valueOf(type), type);
	}

	/**
	 * The value converted to a target, or {@code null} for NULL: the common types
	 * straight from the bytes, any other through the conversion service.
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T convert(int index, TypeDescriptor target, Class<T> type) {
		if (length(index) == 0) {
			return null;
		}
		if (this.directConversions) {
			Class<?> objectType = target.getObjectType();
			if (objectType == String.class) {
				return (T) getString(index);
			}
			if (objectType == Long.class) {
				return (T) (Long) getLong(index);
			}
			if (objectType == Integer.class) {
				Integer value = plainInt(index);
				if (value != null) {
					return (T) value;
				}
			}
			if (objectType == Double.class) {
				return (T) (Double) getDouble(index);
			}
			if (objectType == Instant.class) {
				return (T) getInstant(index);
			}
			if (objectType == Boolean.class) {
				return (T) (Boolean) getBoolean(index);
			}
			if (objectType == LocalDateTime.class) {
				Instant instant = getInstant(index);
				return (T) LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
			}
		}
		return convertText(index, target, type);
	}

	@SuppressWarnings("unchecked")
	private <T> T convertText(int index, TypeDescriptor target, Class<T> type) {
		String value = getString(index);
		try {
			return (T) this.conversionService.convert(value, TypeDescriptor.valueOf(String.class), target);
		}
		catch (RuntimeException ex) {
			String message = "Cannot convert value '" + CnosMessageValues.abbreviate(value) + "' of column '"
					+ columnName(index) + "' (row " + this.rowNumber + ") to " + type.getName();
			if (value.length() <= CnosMessageValues.MAX_LENGTH) {
				throw new TypeMismatchDataAccessException(message, ex);
			}
			// The cause would repeat the whole value (NumberFormatException does), in
			// every
			// logged stack trace: only its type and the start of its message are kept.
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new TypeMismatchDataAccessException(message + " (" + cause.getClass().getName() + ": "
					+ CnosMessageValues.abbreviate(String.valueOf(cause.getMessage())) + ")");
		}
	}

	private @Nullable Integer plainInt(int index) {
		CsvResultReader reader = this.reader;
		int start = reader.starts[index];
		int end = reader.ends[index];
		if (CsvValues.isPlainLong(reader.buffer, start, end)) {
			long value = CsvValues.parsePlainLong(reader.buffer, start, end);
			if (value == (int) value) {
				return (int) value;
			}
		}
		return null;
	}

	private <T> T required(int index, Class<T> type) {
		if (length(index) == 0) {
			throw new TypeMismatchDataAccessException("Column '" + columnName(index) + "' is NULL in row "
					+ this.rowNumber + " and cannot be read as " + type.getSimpleName());
		}
		T value = convertText(index, TypeDescriptor.valueOf(type), type);
		if (value == null) {
			throw new TypeMismatchDataAccessException("Column '" + columnName(index) + "' is NULL in row "
					+ this.rowNumber + " and cannot be read as " + type.getSimpleName());
		}
		return value;
	}

	/** The column's name, for messages. */
	private String columnName(int index) {
		return CnosMessageValues.abbreviate(this.columns.name(index));
	}

	/**
	 * The length in bytes of a cell of the current row, 0 for NULL; fails for a bad
	 * index.
	 */
	private int length(int index) {
		if (index < 0 || index >= this.columns.count()) {
			throw new InvalidDataAccessApiUsageException(
					"Column index " + index + " is out of range: the result has " + this.columns.count() + " columns");
		}
		CsvResultReader reader = this.reader;
		return (reader != null && index < reader.cellCount) ? reader.ends[index] - reader.starts[index] : 0;
	}

}
