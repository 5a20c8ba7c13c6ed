package io.cnosdb.spring.benchmarks.query;

import java.time.Instant;

/**
 * The user's record every B4 and B5 contender produces from a row of
 * {@code time,host,region,usage_user,usage_system,count}.
 */
public record Cpu(Instant time, String host, String region, double usageUser, double usageSystem, long count) {

	/**
	 * Bytes one record and its {@link Instant} take on a 64-bit JVM with compressed
	 * references.
	 */
	public static final int RECORD_BYTES = 48 + 24;

}
