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

	/**
	 * A checksum of every value of the row, cheap enough to take per row in a timed run
	 * (B5 sums it over the answer and compares it with the generated rows').
	 */
	public static long checksum(Cpu row) {
		long sum = row.time().getEpochSecond() * 1_000_000_007L + row.time().getNano();
		sum = sum * 31 + row.host().hashCode();
		sum = sum * 31 + row.region().hashCode();
		sum = sum * 31 + Double.doubleToLongBits(row.usageUser());
		sum = sum * 31 + Double.doubleToLongBits(row.usageSystem());
		return sum * 31 + row.count();
	}

}
