package io.cnosdb.spring.benchmarks.encode;

import java.util.SplittableRandom;

/**
 * The points every encoder formats, deterministic from a fixed seed: 2 tags, 2 doubles
 * (one with 2 decimals, one at full precision), a long and a nanosecond timestamp, as in
 * {@code cpu,host=server-0130,region=eu-central-1 usage_user=5.47,usage_system=4.793930513738765,count=87525i 1700000000000000000}.
 */
public final class EncodeDataset {

	/** What the points hold. */
	public enum Variant {

		/** Plain ASCII names and values. */
		PLAIN,

		/** Tag values that need escaping: spaces, commas, equals signs, non-ASCII. */
		ESCAPING,

		/** Plus a string field holding quotes and backslashes. */
		STRING_FIELD

	}

	public static final String MEASUREMENT = "cpu";

	/** How many distinct hosts the points come from. */
	public static final int HOSTS = 1000;

	private static final String[] REGIONS = { "eu-central-1", "us-east-1", "us-west-2", "ap-south-1", "ap-east-1",
			"sa-east-1", "ca-central-1", "me-south-1" };

	/** How many distinct regions the points come from. */
	public static final int REGION_COUNT = REGIONS.length;

	private static final String[] ESCAPED_REGIONS = { "eu central,1", "us=east 1", "süd-west 2", "ap, south", "東京 1",
			"sa east=1", "ca,central 1", "me south" };

	public final Variant variant;

	public final String[] hosts;

	public final String[] regions;

	public final double[] usageUser;

	public final double[] usageSystem;

	public final long[] counts;

	public final String[] messages;

	public final long[] timestamps;

	/** The {@code PLAIN} variant's name of host {@code index}. */
	public static String plainHost(int index) {
		return String.format("server-%04d", index);
	}

	/** The {@code PLAIN} variant's name of region {@code index}. */
	public static String plainRegion(int index) {
		return REGIONS[index];
	}

	public EncodeDataset(Variant variant, int size) {
		this.variant = variant;
		SplittableRandom random = new SplittableRandom(42);
		this.hosts = new String[size];
		this.regions = new String[size];
		this.usageUser = new double[size];
		this.usageSystem = new double[size];
		this.counts = new long[size];
		this.messages = new String[size];
		this.timestamps = new long[size];
		for (int i = 0; i < size; i++) {
			int host = random.nextInt(HOSTS);
			int region = random.nextInt(REGION_COUNT);
			this.hosts[i] = (variant == Variant.PLAIN) ? plainHost(host) : String.format("server %04d", host);
			this.regions[i] = (variant == Variant.PLAIN) ? plainRegion(region) : ESCAPED_REGIONS[region];
			this.usageUser[i] = random.nextInt(10000) / 100.0;
			this.usageSystem[i] = random.nextDouble() * 10;
			this.counts[i] = random.nextLong(1_000_000);
			this.messages[i] = "say \"hi\" to C:\\temp " + host;
			this.timestamps[i] = 1_700_000_000_000_000_000L + i * 1_000_000L;
		}
	}

	public int size() {
		return this.hosts.length;
	}

	public boolean hasStringField() {
		return this.variant == Variant.STRING_FIELD;
	}

}
