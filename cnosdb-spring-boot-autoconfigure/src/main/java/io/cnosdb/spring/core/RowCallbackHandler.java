package io.cnosdb.spring.core;

import io.cnosdb.spring.core.result.CnosRow;

/**
 * Handles each row of a result as it is read, without collecting the rows: the way to
 * process a result larger than memory.
 */
@FunctionalInterface
public interface RowCallbackHandler {

	/**
	 * Handles a row. The row object is reused for the next row: do not keep it.
	 * @param row the row
	 */
	void processRow(CnosRow row);

}
