package io.cnosdb.spring.benchmarks.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The rows of B4 and B5, generated from a fixed seed: a time every ten seconds with a
 * nanosecond part on some rows, 1000 hosts (or, in the {@link Hosts#UNIQUE} variant, a
 * host of its own per row, so that no cache of repeated strings can help), 8 regions, one
 * 2-decimal double, one full-precision double and a long. It writes them as CnosDB does,
 * as CSV (header, nine fraction digits, {@code \n} after every row) and as ND-JSON
 * (sorted keys, timestamps with 0, 3, 6 or 9 fraction digits).
 */
public final class QueryDataset {

	/** The statement every contender sends or pretends to. */
	public static final String SQL = "SELECT time, host, region, usage_user, usage_system, count FROM cpu";

	/** The CSV header CnosDB writes for {@link #SQL}. */
	public static final String HEADER = "time,host,region,usage_user,usage_system,count\n";

	private static final long START_SECOND = LocalDateTime.of(2023, 11, 14, 22, 13, 20).toEpochSecond(ZoneOffset.UTC);

	private static final String[] REGIONS = { "us-east-1", "us-west-2", "eu-central-1", "eu-west-1", "ap-south-1",
			"ap-northeast-1", "sa-east-1", "ca-central-1" };

	private static final long SEED = 20231114L;

	private QueryDataset() {
	}

	/** How many different host names the rows hold. */
	public enum Hosts {

		/** 1000 hosts, repeated: what a string cache is made for. */
		HOSTS_1000,

		/** A different host on every row: the worst case for a string cache. */
		UNIQUE

	}

	/** Generates rows one after the other; the same sequence every time. */
	public static final class Rows {

		private final SplittableRandom random = new SplittableRandom(SEED);

		private final Hosts hosts;

		private long index;

		/** The rows of the {@link Hosts#HOSTS_1000} variant. */
		public Rows() {
			this(Hosts.HOSTS_1000);
		}

		public Rows(Hosts hosts) {
			this.hosts = hosts;
		}

		/** The next row. */
		public Cpu next() {
			long i = this.index++;
			int nanos = (i % 4 == 0) ? 0 : (int) this.random.nextLong(1_000_000_000L);
			if (i % 4 == 1) {
				nanos = nanos / 1_000_000 * 1_000_000;
			}
			Instant time = Instant.ofEpochSecond(START_SECOND + i * 10, nanos);
			int hostNumber = this.random.nextInt(1000);
			// The same random sequence in both variants: only the host differs.
			String host = (this.hosts == Hosts.UNIQUE) ? "server-" + hostNumber + "-" + i
					: "server-" + String.format("%04d", hostNumber);
			String region = REGIONS[this.random.nextInt(REGIONS.length)];
			double usageUser = Math.round(this.random.nextDouble() * 10_000) / 100.0;
			double usageSystem = this.random.nextDouble() * 100;
			long count = this.random.nextLong(1_000_000L);
			return new Cpu(time, host, region, usageUser, usageSystem, count);
		}

	}

	/** The CSV answer for the first {@code rows} rows. */
	public static byte[] csv(int rows) {
		return csv(rows, Hosts.HOSTS_1000);
	}

	/** The CSV answer for the first {@code rows} rows of the variant. */
	public static byte[] csv(int rows, Hosts hosts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 90 + 64);
		StringBuilder line = new StringBuilder(128).append(HEADER);
		Rows generator = new Rows(hosts);
		for (int i = 0; i < rows; i++) {
			appendCsv(line, generator.next());
			if (line.length() > 8192) {
				flush(line, out);
			}
		}
		flush(line, out);
		return out.toByteArray();
	}

	/** The ND-JSON answer for the first {@code rows} rows of the variant. */
	public static byte[] ndJson(int rows, Hosts hosts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 160 + 64);
		StringBuilder line = new StringBuilder(256);
		Rows generator = new Rows(hosts);
		for (int i = 0; i < rows; i++) {
			appendNdJson(line, generator.next());
			if (line.length() > 8192) {
				flush(line, out);
			}
		}
		flush(line, out);
		return out.toByteArray();
	}

	/** The first {@code rows} rows of the variant as records. */
	public static Cpu[] records(int rows, Hosts hosts) {
		Cpu[] records = new Cpu[rows];
		Rows generator = new Rows(hosts);
		for (int i = 0; i < rows; i++) {
			records[i] = generator.next();
		}
		return records;
	}

	/** One CSV row as CnosDB writes it: nine fraction digits, shortest doubles. */
	public static void appendCsv(StringBuilder line, Cpu row) {
		appendDateTime(line, row.time());
		line.append('.');
		appendNanos(line, row.time().getNano(), 9);
		line.append(',')
			.append(row.host())
			.append(',')
			.append(row.region())
			.append(',')
			.append(row.usageUser())
			.append(',')
			.append(row.usageSystem())
			.append(',')
			.append(row.count())
			.append('\n');
	}

	/** One ND-JSON row as CnosDB writes it: keys sorted, the shortest exact fraction. */
	public static void appendNdJson(StringBuilder line, Cpu row) {
		line.append("{\"count\":")
			.append(row.count())
			.append(",\"host\":\"")
			.append(row.host())
			.append("\",\"region\":\"")
			.append(row.region())
			.append("\",\"time\":\"");
		appendDateTime(line, row.time());
		int nanos = row.time().getNano();
		if (nanos != 0) {
			int digits = (nanos % 1_000_000 == 0) ? 3 : (nanos % 1_000 == 0) ? 6 : 9;
			line.append('.');
			appendNanos(line, nanos, digits);
		}
		line.append("\",\"usage_system\":")
			.append(row.usageSystem())
			.append(",\"usage_user\":")
			.append(row.usageUser())
			.append("}\n");
	}

	private static void appendDateTime(StringBuilder line, Instant time) {
		LocalDateTime local = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
		line.append(local.getYear()).append('-');
		two(line, local.getMonthValue()).append('-');
		two(line, local.getDayOfMonth()).append('T');
		two(line, local.getHour()).append(':');
		two(line, local.getMinute()).append(':');
		two(line, local.getSecond());
	}

	private static StringBuilder two(StringBuilder line, int value) {
		return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private static void appendNanos(StringBuilder line, int nanos, int digits) {
		String nine = Integer.toString(1_000_000_000 + nanos).substring(1);
		line.append(nine, 0, digits);
	}

	private static void flush(StringBuilder line, ByteArrayOutputStream out) {
		out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
		line.setLength(0);
	}

}
