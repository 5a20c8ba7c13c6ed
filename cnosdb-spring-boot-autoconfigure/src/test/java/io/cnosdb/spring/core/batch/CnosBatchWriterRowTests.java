package io.cnosdb.spring.core.batch;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriterTests.Fault;
import io.cnosdb.spring.core.batch.CnosBatchWriterTests.FaultServer;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolSync;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Rows written through {@link CnosBatchWriter#row(String)}: each accepted as one point,
 * in order with the writer's points, encoded as the writer encodes points (precision,
 * default tags), in memory and through the spool; a refused row accepts nothing.
 */
class CnosBatchWriterRowTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	@TempDir
	Path directory;

	private final CnosTemplate template = this.db.builder().database("ocean").build();

	private CnosBatchWriter.Builder writer() {
		return CnosBatchWriter.builder(this.template)
			.flushInterval(Duration.ofHours(1))
			.retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
	}

	private CnosBatchWriter.Builder spooled() {
		return writer().spool(SpoolSettings.of(this.directory, 1024 * 1024, SpoolSync.INTERVAL, Duration.ofMillis(50)))
			.closeTimeout(Duration.ofMillis(500));
	}

	@Test
	void rowsAreAcceptedAsPointsAndBatchedInOrderWithThemInMemory() {
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosBatchWriter writer = writer().batchSize(3).build()) {
			writeRowsAndPoints(writer);
			writer.flush();
			assertThat(writer.getBufferedPoints()).isZero();
		}
		assertBodiesOfRowsAndPoints();
	}

	@Test
	void rowsAreAcceptedAsPointsAndBatchedInOrderWithThemThroughTheSpool() {
		this.db.enqueue(recorded("write"), recorded("write"));
		try (CnosBatchWriter writer = spooled().batchSize(3).build()) {
			writeRowsAndPoints(writer);
			writer.flush();
			assertThat(writer.getSpoolStatus().points()).isZero();
		}
		assertBodiesOfRowsAndPoints();
	}

	private void writeRowsAndPoints(CnosBatchWriter writer) {
		writer.row("air").tag("station", "a").field("v", 1L).at(1, CnosPrecision.NS);
		writer.write(Point.measurement("air").tag("station", "b").field("v", 2L).time(2, CnosPrecision.NS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> writer.row("air").tag("station", "c").field("v", 3L).field("bad\\", 1L))
			.withMessage("Row 'air' cannot be written as line protocol: field key 'bad\\' has a backslash followed by "
					+ "nothing, which CnosDB cannot store as written in a field key");
		writer.row("air").tag("station", "d").field("s", "x y").field("ok", true).atNow();
		writer.row("water").field("level", -0.5).unsignedField("n", -1L).at(5, CnosPrecision.NS);
	}

	private void assertBodiesOfRowsAndPoints() {
		assertThat(this.db.takeBody())
			.isEqualTo("air,station=a v=1i 1\n" + "air,station=b v=2i 2\n" + "air,station=d s=\"x y\",ok=true\n");
		assertThat(this.db.takeBody()).isEqualTo("water level=-0.5,n=18446744073709551615u 5\n");
		assertThat(this.db.requestCount()).isEqualTo(2);
	}

	@Test
	void rowsGetTheWritersPrecisionAndDefaultTagsAsItsPointsDo() {
		this.db.enqueue(recorded("write"));
		try (CnosBatchWriter writer = writer().precision(CnosPrecision.MS)
			.defaultTags(Map.of("host", "node-1", "region", "east"))
			.build()) {
			writer.write(Point.measurement("air").tag("station", "s1").field("v", 1L).time(1, CnosPrecision.MS));
			writer.row("air").tag("station", "s1").field("v", 1L).at(1, CnosPrecision.MS);
			writer.write(
					Point.measurement("air").tag("host", "own").field("region", "f").time(2_000_000, CnosPrecision.NS));
			writer.row("air").tag("host", "own").field("region", "f").at(2_000_000, CnosPrecision.NS);
		}
		assertThat(this.db.takeBody()).isEqualTo(
				"air,station=s1,host=node-1,region=east v=1i 1\n" + "air,station=s1,host=node-1,region=east v=1i 1\n"
						+ "air,host=own region=\"f\" 2\n" + "air,host=own region=\"f\" 2\n");
	}

	@Test
	void aRefusedRowAcceptsNothingAndTheNextRowIsAccepted() {
		this.db.enqueue(recorded("write"));
		try (CnosBatchWriter writer = writer().build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> writer.row("air/water"))
				.withMessageStartingWith(
						"Row 'air/water' cannot be written as line protocol: measurement must not " + "contain '/'");
			assertThatIllegalArgumentException().isThrownBy(() -> writer.row("air").atNow())
				.withMessage("Row 'air' cannot be written as line protocol: at least one field is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> writer.row("air").field("v", 1L).at(Long.MAX_VALUE, CnosPrecision.MS))
				.withMessageEndingWith("does not fit a signed 64-bit timestamp in ns precision");
			assertThat(writer.getBufferedPoints()).isZero();
			assertThat(writer.getBufferedBytes()).isZero();
			writer.row("air").field("v", 2L).at(2, CnosPrecision.NS);
			assertThat(writer.getBufferedPoints()).isOne();
		}
		assertThat(this.db.takeBody()).isEqualTo("air v=2i 2\n");
	}

	@Test
	void aRowLargerThanTheWholeBufferIsRefused() {
		try (CnosBatchWriter writer = writer().maxBatchBytes(64).bufferLimitBytes(64).build()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> writer.row("air").field("s", "x".repeat(100)).at(1, CnosPrecision.NS))
				.withMessage("Row 'air' takes 111 bytes, more than the whole buffer (64 bytes)");
			assertThat(writer.getBufferedPoints()).isZero();
		}
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void aFullBufferRefusesARowAsItRefusesAPointAndTheNextRowsGoThrough() {
		FaultServer faults = new FaultServer();
		this.db.dispatch(faults);
		faults.stallWrites();
		try (CnosBatchWriter writer = writer().batchSize(1)
			.bufferLimit(2)
			.backpressure(CnosBatchWriter.Backpressure.FAIL)
			.build()) {
			writer.row("air").field("v", 1L).at(1, CnosPrecision.NS);
			writer.row("air").field("v", 2L).at(2, CnosPrecision.NS);
			assertThatExceptionOfType(CnosWriteBufferFullException.class)
				.isThrownBy(() -> writer.row("air").field("v", 3L).at(3, CnosPrecision.NS))
				.satisfies((ex) -> assertThat(ex.getPointsNotAccepted()).isOne());
			assertThat(writer.getBufferedPoints()).isEqualTo(2);
			faults.release.countDown();
			writer.flush();
			writer.row("air").field("v", 4L).at(4, CnosPrecision.NS);
			writer.flush();
		}
		assertThat(faults.acknowledged).containsExactly("air v=1i 1", "air v=2i 2", "air v=4i 4");
	}

	@Test
	void acceptingRowsAllocatesNothingOnTheCallersThreadOnceTheBatchHasGrown() {
		assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
		this.db.enqueue(recorded("write"));
		// One batch for every row: nothing is sealed or sent while rows are counted.
		try (CnosBatchWriter writer = writer().batchSize(50_000).build()) {
			// Rows of 33 bytes: 20,000 grow the batch to room for 32,768 rows and 1 MiB.
			writeRows(writer, 0, 20_000);
			long threadId = Thread.currentThread().getId();
			long before = threads.getThreadAllocatedBytes(threadId);
			writeRows(writer, 20_000, 25_000);
			long allocated = threads.getThreadAllocatedBytes(threadId) - before;
			// One object per row would be 80,000 bytes or more.
			assertThat(allocated).isLessThan(5_000);
			assertThat(writer.getBufferedPoints()).isEqualTo(25_000);
		}
		assertThat(this.db.takeBody()).startsWith("air,station=s v=1000000i 1000000\n").hasSize(25_000 * 33);
	}

	private static void writeRows(CnosBatchWriter writer, int from, int to) {
		for (int i = from; i < to; i++) {
			writer.row("air").tag("station", "s").field("v", 1_000_000L + i).at(1_000_000L + i, CnosPrecision.NS);
		}
	}

	@Test
	void aClosedWriterRefusesARowWhenItEnds() {
		CnosBatchWriter writer = writer().build();
		writer.close();
		assertThatIllegalStateException().isThrownBy(() -> writer.row("air").field("v", 1L).at(1, CnosPrecision.NS))
			.withMessageStartingWith("The batch writer is closed; 0 of 1 point(s) were accepted");
		assertThat(this.db.requestCount()).isZero();
	}

	@Test
	void threadsWritingRowsAtOnceLoseAndMixNothing() throws Exception {
		FaultServer faults = new FaultServer();
		this.db.dispatch(faults);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		List<List<String>> expected = new ArrayList<>();
		try (CnosBatchWriter writer = writer().batchSize(500).build()) {
			List<Future<?>> writes = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				List<String> lines = new ArrayList<>();
				expected.add(lines);
				int thread = t;
				writes.add(executor.submit(() -> {
					for (int i = 0; i < 2500; i++) {
						writer.row("air")
							.tag("thread", "t" + thread)
							.field("i", (long) i)
							.field("s", "v " + i)
							.at(thread * 10_000L + i, CnosPrecision.NS);
						lines
							.add("air,thread=t" + thread + " i=" + i + "i,s=\"v " + i + "\" " + (thread * 10_000L + i));
					}
				}));
			}
			for (Future<?> write : writes) {
				write.get(30, TimeUnit.SECONDS);
			}
			writer.flush();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(faults.acknowledged).hasSize(10_000);
		for (List<String> lines : expected) {
			assertThat(faults.acknowledged).containsSubsequence(lines);
		}
	}

	@Test
	void rowsWrittenDuringAnOutageStayInTheSpoolForTheNextWriterWhichSendsThemFirst() {
		FaultServer faults = new FaultServer();
		this.db.dispatch(faults);
		faults.down(Fault.UNAVAILABLE);
		try (CnosBatchWriter writer = spooled().batchSize(2).build()) {
			for (int i = 0; i < 5; i++) {
				writer.row("air").tag("station", "s" + i).field("v", (long) i).at(i, CnosPrecision.NS);
			}
		}
		assertThat(faults.acknowledged).isEmpty();
		faults.up();
		try (CnosBatchWriter writer = spooled().batchSize(2).build()) {
			assertThat(writer.getSpoolStatus().recoveredPoints()).isEqualTo(5);
			writer.row("air").tag("station", "s5").field("v", 5L).at(5, CnosPrecision.NS);
			writer.flush();
		}
		assertThat(faults.acknowledged).containsExactly("air,station=s0 v=0i 0", "air,station=s1 v=1i 1",
				"air,station=s2 v=2i 2", "air,station=s3 v=3i 3", "air,station=s4 v=4i 4", "air,station=s5 v=5i 5");
	}

}
