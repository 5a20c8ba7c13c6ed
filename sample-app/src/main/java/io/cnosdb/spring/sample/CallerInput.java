package io.cnosdb.spring.sample;

import java.util.function.Supplier;

import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;

import org.springframework.dao.DataAccessException;

/**
 * Marks the calls on the template whose statement or data carries something the caller
 * chose: readings they sent, a time range, a bucket, a database or table name. When
 * CnosDB refuses such a call, asking differently can fix it, so it is the caller's 400; a
 * refusal of an unmarked call (the schema's DDL, the list of stations: fixed SQL of the
 * sample's own) is the sample's fault and stays a 502. Marking the calls rather than
 * telling statements apart by their text keeps the choice where the statement is built,
 * and an unmarked call defaults to "not the caller's fault".
 */
final class CallerInput {

	private CallerInput() {
	}

	/**
	 * Run a call whose statement or data the request shaped.
	 * @throws RefusedException when CnosDB refuses the statement or the data
	 */
	static <T> T refusalIsTheCallers(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (CnosBadSqlException | CnosDataIntegrityViolationException ex) {
			throw new RefusedException(ex);
		}
	}

	/** Like {@link #refusalIsTheCallers(Supplier)}, for a call without a result. */
	static void refusalIsTheCallers(Runnable call) {
		refusalIsTheCallers(() -> {
			call.run();
			return null;
		});
	}

	/**
	 * CnosDB refused a statement or data that the request shaped; the cause is CnosDB's
	 * refusal.
	 */
	static final class RefusedException extends RuntimeException {

		RefusedException(DataAccessException refusal) {
			super(refusal.getMessage(), refusal);
		}

		@Override
		public synchronized DataAccessException getCause() {
			return (DataAccessException) super.getCause();
		}

	}

}
