package io.cnosdb.spring.core.observation;

import io.micrometer.observation.Observation;

/**
 * The context of an observation of one batch of the batch writer: from its first attempt
 * to its acknowledgement or its last failure, back-offs between attempts included. Each
 * attempt is a write request, observed inside it with a {@link CnosObservationContext}.
 */
public class CnosBatchObservationContext extends Observation.Context {

	private final String database;

	private final String tenant;

	private final int points;

	private final int bytes;

	private volatile int attempts;

	/**
	 * @param database the database the batch is written to
	 * @param tenant the tenant the batch is written to
	 * @param points how many points (lines) the batch holds
	 * @param bytes how many bytes of line protocol the batch holds
	 */
	public CnosBatchObservationContext(String database, String tenant, int points, int bytes) {
		this.database = database;
		this.tenant = tenant;
		this.points = points;
		this.bytes = bytes;
	}

	/** The database the batch is written to. */
	public String getDatabase() {
		return this.database;
	}

	/** The tenant the batch is written to. */
	public String getTenant() {
		return this.tenant;
	}

	/** How many points (lines) the batch holds. */
	public int getPoints() {
		return this.points;
	}

	/** How many bytes of line protocol the batch holds. */
	public int getBytes() {
		return this.bytes;
	}

	/**
	 * How many times the batch was sent: 1 for a batch acknowledged at once, more after
	 * retries; 0 for a batch the writer gave up before sending (its close timeout
	 * passed). Known once the observation stops.
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/** Records how many times the batch was sent, before the observation stops. */
	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

}
