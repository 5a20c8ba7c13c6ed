package io.cnosdb.spring.core.csv;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * A CSV import stopped: a row could not be converted, the file could not be read, or the
 * server refused a batch. Rows are sent in batches of whole rows, in file order, and
 * CnosDB accepts or refuses a request as a whole, so exactly the first
 * {@link #getRowsWritten()} data rows of the file were written and nothing from
 * {@link #getLine()} on.
 * <p>
 * One exception: when the failing batch timed out or its connection broke
 * ({@link #isOutcomeUnknown()}), the server may have written that batch too.
 */
public class CsvImportException extends DataAccessException {

	private final long rowsWritten;

	private final long batchesWritten;

	private final long line;

	private final boolean outcomeUnknown;

	public CsvImportException(String message, long rowsWritten, long batchesWritten, long line, boolean outcomeUnknown,
			@Nullable Throwable cause) {
		super(message, cause);
		this.rowsWritten = rowsWritten;
		this.batchesWritten = batchesWritten;
		this.line = line;
		this.outcomeUnknown = outcomeUnknown;
	}

	/**
	 * The data rows written before the import stopped: those of the acknowledged batches.
	 */
	public long getRowsWritten() {
		return this.rowsWritten;
	}

	/** The requests the server acknowledged. */
	public long getBatchesWritten() {
		return this.batchesWritten;
	}

	/**
	 * The 1-based line of the file where the import stopped: the bad row, or the first
	 * row of the batch the server refused. Nothing from this line on was written (but see
	 * {@link #isOutcomeUnknown()}).
	 */
	public long getLine() {
		return this.line;
	}

	/**
	 * Whether the failing batch may have been written after all: it was sent, but no
	 * answer came (a timeout or a broken connection). Writing it again is safe for rows
	 * with a time, which CnosDB overwrites with the same values.
	 */
	public boolean isOutcomeUnknown() {
		return this.outcomeUnknown;
	}

}
