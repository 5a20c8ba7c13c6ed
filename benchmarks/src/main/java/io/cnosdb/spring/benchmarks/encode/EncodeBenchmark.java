package io.cnosdb.spring.benchmarks.encode;

import java.io.ByteArrayOutputStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.Point;

/**
 * B1: the cost of turning points into line protocol, per point, ours against the peers on
 * the same data. One operation is one point; each invocation encodes {@value #BATCH}
 * points into a buffer that is then reset, as a writer would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class EncodeBenchmark {

	static final int BATCH = 4096;

	@Param({ "PLAIN", "ESCAPING", "STRING_FIELD" })
	public EncodeDataset.Variant variant;

	private EncodeDataset data;

	private Point[] ourPoints;

	private com.influxdb.client.write.Point[] influxClientPoints;

	private org.influxdb.dto.Point[] influxJavaPoints;

	private final LineProtocolEncoder encoder = new LineProtocolEncoder();

	private final LineProtocolBuffer buffer = new LineProtocolBuffer(BATCH * 160);

	private final LineProtocolRowWriter rowWriter = new LineProtocolRowWriter(this.encoder, this.buffer);

	private final ByteArrayOutputStream baselineBuffer = new ByteArrayOutputStream(BATCH * 160);

	private io.questdb.client.Sender questDb;

	@Setup(Level.Trial)
	public void setUp() {
		EncodeCorrectnessGate.check(this.variant);
		this.data = new EncodeDataset(this.variant, BATCH);
		this.ourPoints = new Point[BATCH];
		this.influxClientPoints = new com.influxdb.client.write.Point[BATCH];
		this.influxJavaPoints = new org.influxdb.dto.Point[BATCH];
		for (int i = 0; i < BATCH; i++) {
			this.ourPoints[i] = Encoders.ourPoint(this.data, i);
			this.influxClientPoints[i] = Encoders.influxClientPoint(this.data, i);
			this.influxJavaPoints[i] = Encoders.influxJavaPoint(this.data, i);
		}
		// Nothing listens there: the buffer is reset, never flushed.
		this.questDb = io.questdb.client.Sender
			.fromConfig("http::addr=127.0.0.1:9;protocol_version=1;auto_flush=off;init_buf_size=1048576;");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.questDb.reset();
		this.questDb.close();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int ours() {
		this.buffer.reset();
		for (Point point : this.ourPoints) {
			this.encoder.encode(point, this.buffer);
		}
		return this.buffer.size();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int oursBuildAndEncode() {
		this.buffer.reset();
		for (int i = 0; i < BATCH; i++) {
			this.encoder.encode(Encoders.ourPoint(this.data, i), this.buffer);
		}
		return this.buffer.size();
	}

	/**
	 * The same work as {@link #questDb()} and {@link #oursBuildAndEncode()}: each row
	 * built and encoded from the raw values, here without a {@code Point}.
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int oursRowWriter() {
		this.buffer.reset();
		for (int i = 0; i < BATCH; i++) {
			Encoders.oursRow(this.rowWriter, this.data, i);
		}
		return this.buffer.size();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void questDb() {
		for (int i = 0; i < BATCH; i++) {
			Encoders.questDb(this.questDb, this.data, i);
		}
		this.questDb.reset();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void influxClientToLineProtocol(Blackhole blackhole) {
		for (com.influxdb.client.write.Point point : this.influxClientPoints) {
			blackhole.consume(point.toLineProtocol());
		}
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void influxJavaLineProtocol(Blackhole blackhole) {
		for (org.influxdb.dto.Point point : this.influxJavaPoints) {
			blackhole.consume(point.lineProtocol());
		}
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int baselineDoubleToString() {
		this.baselineBuffer.reset();
		for (int i = 0; i < BATCH; i++) {
			Encoders.baseline(this.baselineBuffer, this.data, i);
		}
		return this.baselineBuffer.size();
	}

}
