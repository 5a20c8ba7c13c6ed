package io.cnosdb.spring.benchmarks.query;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.cnosdb.spring.core.CnosTemplate;

/**
 * B4: reading a 1 M-row query answer into records, ours against the peers, from an input
 * stream that hands out 16–64 KiB slices as a socket would, with 1000 hosts and with a
 * unique host per row. One operation is one row; each invocation reads the whole answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@OperationsPerInvocation(ParseBenchmark.ROWS)
public class ParseBenchmark {

	static final int ROWS = 1_000_000;

	/**
	 * 1000 hosts, or a host of its own per row: the second shows what parsing costs when
	 * no cache of repeated strings can help.
	 */
	@Param({ "HOSTS_1000", "UNIQUE" })
	public QueryDataset.Hosts hosts;

	private byte[] csv;

	private byte[] ndJson;

	private CnosTemplate template;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		ParseCorrectnessGate.check(this.hosts);
		this.csv = QueryDataset.csv(ROWS, this.hosts);
		this.ndJson = QueryDataset.ndJson(ROWS, this.hosts);
		this.template = ParseContenders.template(() -> new SlicedInputStream(this.csv));
	}

	@Benchmark
	public long ours(Blackhole blackhole) {
		return ParseContenders.ours(this.template, ParseContenders.BY_NAME, blackhole::consume);
	}

	@Benchmark
	public long oursByIndex(Blackhole blackhole) {
		return ParseContenders.ours(this.template, ParseContenders.BY_INDEX, blackhole::consume);
	}

	@Benchmark
	public long oursDataClass(Blackhole blackhole) {
		return ParseContenders.oursDataClass(this.template, blackhole::consume);
	}

	@Benchmark
	public long fastCsvRecord(Blackhole blackhole) throws Exception {
		return ParseContenders.fastCsvRecord(new SlicedInputStream(this.csv), blackhole::consume);
	}

	@Benchmark
	public long jacksonStreamRecord(Blackhole blackhole) {
		return ParseContenders.jacksonStreamRecord(new SlicedInputStream(this.ndJson), blackhole::consume);
	}

	@Benchmark
	public long jacksonCsvBefore(Blackhole blackhole) {
		return ParseContenders.jacksonCsvBefore(new SlicedInputStream(this.csv), blackhole::consume);
	}

	@Benchmark
	public long floorFastCsvTokenize(Blackhole blackhole) throws Exception {
		return ParseContenders.fastCsvTokenize(new SlicedInputStream(this.csv), blackhole::consume);
	}

	@Benchmark
	public long floorJacksonTokenize() {
		return ParseContenders.jacksonTokenize(new SlicedInputStream(this.ndJson));
	}

	@Benchmark
	public long floorNewlineScan() {
		return ParseContenders.newlineScan(new SlicedInputStream(this.csv));
	}

}
