package io.cnosdb.spring.core;

import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.TypeMismatchDataAccessException;

/**
 * Maps a one-column result to a simple value: a number, string, boolean, instant, enum.
 */
final class SingleColumnRowMapper<T> implements RowMapper<T> {

	private final Class<T> type;

	private final TypeDescriptor target;

	SingleColumnRowMapper(Class<T> type) {
		this.type = type;
		this.target = TypeDescriptor.valueOf(type);
	}

	@Override
	public T mapRow(CnosRow row, int rowNumber) {
		if (row.getColumnCount() != 1) {
			throw new DataRetrievalFailureException("Expected a single column to map to " + this.type.getName()
					+ ", but the result has " + row.getColumnCount() + ": "
					+ CnosMessageValues.abbreviate(String.valueOf(row.getColumnNames()), 500));
		}
		T value = row.convert(0, this.target, this.type);
		if (value == null && this.type.isPrimitive()) {
			throw new TypeMismatchDataAccessException("Column '" + CnosMessageValues.abbreviate(row.getColumnName(0))
					+ "' is NULL in row " + rowNumber + " and cannot be read as " + this.type.getName());
		}
		return value;
	}

}
