package io.cnosdb.spring.core.batch;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A {@link CnosBatchWriter}'s buffer was full: with the {@code FAIL} backpressure at
 * once, with {@code BLOCK} after waiting for the block timeout. The points of the call
 * that were not accepted ({@link #getPointsNotAccepted()}) are not written; those before
 * them were accepted.
 */
public class CnosWriteBufferFullException extends TransientDataAccessResourceException {

	private final int pointsAccepted;

	private final int pointsNotAccepted;

	public CnosWriteBufferFullException(String message, int pointsAccepted, int pointsNotAccepted) {
		super(message);
		this.pointsAccepted = pointsAccepted;
		this.pointsNotAccepted = pointsNotAccepted;
	}

	/**
	 * The points of the failing call that were accepted (and will be written) before it
	 * failed.
	 */
	public int getPointsAccepted() {
		return this.pointsAccepted;
	}

	/** The points of the failing call that were not accepted. */
	public int getPointsNotAccepted() {
		return this.pointsNotAccepted;
	}

}
