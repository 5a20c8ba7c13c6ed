package io.cnosdb.spring.benchmarks.write;

import java.util.SplittableRandom;

/**
 * The raw values every B2 contender writes: the points of B1's {@code PLAIN} variant (same seed,
 * same values, same lines), held compactly so that millions fit, as
 * {@code cpu,host=server-0130,region=eu-central-1 usage_user=5.47,usage_system=4.793930513738765,count=87525i 1700000000000000000}.
 */
final class WriteDataset {

	static final String MEASUREMENT = "cpu";

	private static final String[] REGIONS = { "eu-central-1", "us-east-1", "us-west-2", "ap-south-1", "ap-east-1",
			"sa-east-1", "ca-central-1", "me-south-1" };

	private static final String[] HOSTS = new String[1000];

	static {
		for (int i = 0; i < HOSTS.length; i++) {
			HOSTS[i] = String.format("server-%04d", i);
		}
	}

	private final short[] hosts;

	private final byte[] regions;

	final double[] usageUser;

	final double[] usageSystem;

	final long[] counts;

	WriteDataset(int size) {
		// The same draws, in the same order, as EncodeDataset.
		SplittableRandom random = new SplittableRandom(42);
		this.hosts = new short[size];
		this.regions = new byte[size];
		this.usageUser = new double[size];
		this.usageSystem = new double[size];
		this.counts = new long[size];
		for (int i = 0; i < size; i++) {
			this.hosts[i] = (short) random.nextInt(1000);
			this.regions[i] = (byte) random.nextInt(REGIONS.length);
			this.usageUser[i] = random.nextInt(10000) / 100.0;
			this.usageSystem[i] = random.nextDouble() * 10;
			this.counts[i] = random.nextLong(1_000_000);
		}
	}

	int size() {
		return this.hosts.length;
	}

	String host(int i) {
		return HOSTS[this.hosts[i]];
	}

	String region(int i) {
		return REGIONS[this.regions[i]];
	}

	long timestamp(int i) {
		return 1_700_000_000_000_000_000L + i * 1_000_000L;
	}

}
