package io.cnosdb.spring.core.batch;

import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.CnosPrecision;

import java.util.List;

/**
 * A batch that a {@link CnosBatchWriter} could not write: the server refused it, or every
 * attempt failed. Its points are written nowhere else; what happens to them is up to the
 * {@link CnosWriteFailureHandler}.
 *
 * @param lines the batch's line-protocol lines, without line terminators, exactly as sent
 * @param precision the precision of their timestamps (the {@code precision} to write them
 * with)
 * @param database the database they were written to
 * @param tenant the tenant they were written to
 * @param cause the last failure; its message never holds credentials
 * @param attempts how many times the batch was sent
 */
public record CnosWriteFailure(List<String> lines, CnosPrecision precision, String database, String tenant,
		Throwable cause, int attempts) {

	/** Whether the last failure may pass if the lines are written again later. */
	public boolean isTransient() {
		return DefaultCnosExceptionTranslator.isTransient(this.cause);
	}

}
