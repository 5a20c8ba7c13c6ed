package io.cnosdb.spring.benchmarks.write;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.cnosdb.spring.benchmarks.encode.EncodeDataset;

/**
 * The raw values every B2 contender writes: the points of B1's {@code PLAIN} variant
 * (same seed, same values, same lines), held compactly so that millions fit, as
 * {@code cpu,host=server-0130,region=eu-central-1 usage_user=5.47,usage_system=4.793930513738765,count=87525i 1700000000000000000}.
 */
public final class WriteDataset {

	public static final String MEASUREMENT = EncodeDataset.MEASUREMENT;

	private static final String[] HOSTS = new String[EncodeDataset.HOSTS];

	private static final String[] REGIONS = new String[EncodeDataset.REGION_COUNT];

	static {
		Arrays.setAll(HOSTS, EncodeDataset::plainHost);
		Arrays.setAll(REGIONS, EncodeDataset::plainRegion);
	}

	private final short[] hosts;

	private final byte[] regions;

	public final double[] usageUser;

	public final double[] usageSystem;

	public final long[] counts;

	public WriteDataset(int size) {
		// The same draws, in the same order, as EncodeDataset.
		SplittableRandom random = new SplittableRandom(42);
		this.hosts = new short[size];
		this.regions = new byte[size];
		this.usageUser = new double[size];
		this.usageSystem = new double[size];
		this.counts = new long[size];
		for (int i = 0; i < size; i++) {
			this.hosts[i] = (short) random.nextInt(HOSTS.length);
			this.regions[i] = (byte) random.nextInt(REGIONS.length);
			this.usageUser[i] = random.nextInt(10000) / 100.0;
			this.usageSystem[i] = random.nextDouble() * 10;
			this.counts[i] = random.nextLong(1_000_000);
		}
	}

	public int size() {
		return this.hosts.length;
	}

	public String host(int i) {
		return HOSTS[this.hosts[i]];
	}

	public String region(int i) {
		return REGIONS[this.regions[i]];
	}

	public long timestamp(int i) {
		return 1_700_000_000_000_000_000L + i * 1_000_000L;
	}

}
