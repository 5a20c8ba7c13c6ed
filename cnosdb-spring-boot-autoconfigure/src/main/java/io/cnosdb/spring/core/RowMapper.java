package io.cnosdb.spring.core;

import io.cnosdb.spring.core.result.CnosRow;

/**
 * Maps one row of a CnosDB result to an object, like JDBC's {@code RowMapper}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface RowMapper<T> {

	/**
	 * Maps a row. The row object is reused for the next row: do not keep it.
	 * @param row the row
	 * @param rowNumber the zero-based row number
	 * @return the mapped object
	 */
	T mapRow(CnosRow row, int rowNumber);

}
