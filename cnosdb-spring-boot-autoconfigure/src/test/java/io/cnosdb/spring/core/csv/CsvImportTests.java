package io.cnosdb.spring.core.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.testsupport.MockCnosDb;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CnosTemplate#writeCsv}: typing by {@code DESCRIBE TABLE}, batching of
 * a large file, and what was written when a row or a batch fails.
 */
class CsvImportTests {

	/**
	 * The scenario of {@code DESCRIBE TABLE "air"} for a table of fields
	 * {@code count BIGINT}, {@code note STRING}, {@code ok BOOLEAN},
	 * {@code temperature DOUBLE CODEC(GORILLA)}, {@code u BIGINT UNSIGNED} and tag
	 * {@code station}.
	 */
	private static final String AIR = "describe-table-for-csv-import";

	@TempDir
	Path directory;

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.builder()
		.database("ocean")
		.readTimeout(Duration.ofSeconds(10))
		.build();

	private final CsvServer dispatcher = new CsvServer();

	@BeforeEach
	void dispatch() {
		this.db.dispatch(this.dispatcher);
	}

	@Test
	void typesValuesByTheTableAndWritesExactLines() throws IOException {
		this.dispatcher.describe = AIR;
		Path csv = write("types.csv", "time,station,temperature,count,u,ok,note\n"
				+ "2023-07-28T02:12:11.000000001,XiaoMaiDao,69.5,-3,18446744073709551615,true,\"a, \"\"b\"\"\"\n"
				+ "1690510331000000002,a b,,7,,FALSE,\n" + "\n" + "2023-07-28T02:12:11Z,,1e3,,,,\"two\nlines\"\n");
		CsvImportResult result = this.template.writeCsv("air", csv);
		assertThat(result).isEqualTo(new CsvImportResult(3, 1));
		assertThat(this.dispatcher.precisions).containsExactly("ns");
		assertThat(this.dispatcher.bodies).containsExactly(
				"air,station=XiaoMaiDao temperature=69.5,count=-3i,u=18446744073709551615u,ok=true,note=\"a, \\\"b\\\"\" 1690510331000000001\n"
						+ "air,station=a\\ b count=7i,ok=false 1690510331000000002\n"
						+ "air temperature=1000.0,note=\"two\nlines\" 1690510331000000000\n");
		assertThat(this.dispatcher.describeStatements).containsExactly("DESCRIBE TABLE \"air\"");
	}

	@Test
	void anImportThroughAClusterGoesOnToTheNextNodeWhenTheFirstRefusesConnections() throws IOException {
		this.dispatcher.describe = AIR;
		String refusing;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			refusing = "http://127.0.0.1:" + socket.getLocalPort();
		}
		try (CnosTemplate cluster = CnosTemplate.builder()
			.urls(java.util.List.of(refusing, this.db.url()))
			.database("ocean")
			.build()) {
			Path csv = write("cluster.csv", "time,station,temperature\n1690510331000000001,a,1.5\n");
			assertThat(cluster.writeCsv("air", csv)).isEqualTo(new CsvImportResult(1, 1));
			assertThat(cluster.getHttpClient().nodes().get(0).isAvailable()).isFalse();
		}
		assertThat(this.dispatcher.describeStatements).containsExactly("DESCRIBE TABLE \"air\"");
		assertThat(this.dispatcher.bodies).containsExactly("air,station=a temperature=1.5 1690510331000000001\n");
	}

	@Test
	void readsNanAndInfinitiesAsCnosDbWritesThemInAnswers() throws IOException {
		// A CSV exported from CnosDB holds inf, -inf and NaN: importing it again must
		// work.
		this.dispatcher.describe = AIR;
		Path csv = write("special.csv", "time,station,temperature\n1690510331000000001,a,inf\n"
				+ "1690510331000000002,a,-inf\n1690510331000000003,a,NaN\n");
		assertThat(this.template.writeCsv("air", csv)).isEqualTo(new CsvImportResult(3, 1));
		assertThat(this.dispatcher.bodies).containsExactly("air,station=a temperature=+inf 1690510331000000001\n"
				+ "air,station=a temperature=-inf 1690510331000000002\n"
				+ "air,station=a temperature=+NaN 1690510331000000003\n");
	}

	@Test
	void usesTheTablePrecisionForIntegerTimes() throws IOException {
		// A table of millisecond precision with a field v DOUBLE and a tag station.
		this.dispatcher.describe = "describe-table-millisecond";
		Path csv = write("ms.csv", "v,time\n1.5,1690510331000\n2.5,2023-07-28T02:12:11.001\n");
		this.template.writeCsv("m", csv);
		assertThat(this.dispatcher.precisions).containsExactly("ms");
		assertThat(this.dispatcher.bodies).containsExactly("m v=1.5 1690510331000\nm v=2.5 1690510331001\n");
	}

	@Test
	void optionsOverrideThePrecisionAndTheSeparator() throws IOException {
		this.dispatcher.describe = AIR;
		Path csv = write("us.csv", "time;count\n5;1\n");
		this.template.writeCsv("air", csv,
				CsvImportOptions.defaults().withPrecision(CnosPrecision.US).withColumnSeparator(';'));
		assertThat(this.dispatcher.precisions).containsExactly("us");
		assertThat(this.dispatcher.bodies).containsExactly("air count=1i 5\n");
	}

	@Test
	void streamsALargeFileInBatches() throws IOException {
		this.dispatcher.describe = AIR;
		this.dispatcher.keepBodies = false;
		int rows = 200_000;
		Path csv = this.directory.resolve("large.csv");
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("station,time,temperature,count\n");
			for (int i = 0; i < rows; i++) {
				out.write("s" + (i % 10) + "," + (1_700_000_000_000_000_000L + i) + "," + (i * 0.25) + "," + i + "\n");
			}
		}
		CsvImportResult result = this.template.writeCsv("air", csv, CsvImportOptions.defaults().withBatchSize(25_000));
		assertThat(result).isEqualTo(new CsvImportResult(rows, 8));
		assertThat(this.dispatcher.lines.get()).isEqualTo(rows);
		assertThat(this.dispatcher.writes.get()).isEqualTo(8);
		assertThat(this.dispatcher.firstLine).isEqualTo("air,station=s0 temperature=0.0,count=0i 1700000000000000000");
		assertThat(this.dispatcher.lastLine)
			.isEqualTo("air,station=s9 temperature=49999.75,count=199999i 1700000000000199999");
	}

	@Test
	void aBadRowStopsTheImportBeforeItsBatchIsSent() throws IOException {
		this.dispatcher.describe = AIR;
		StringBuilder content = new StringBuilder("time,count\n");
		for (int i = 0; i < 7; i++) {
			content.append(i).append(',').append(i).append('\n');
		}
		content.append("7,seven\n").append("8,8\n");
		Path csv = write("bad.csv", content.toString());
		assertThatExceptionOfType(CsvImportException.class)
			.isThrownBy(() -> this.template.writeCsv("air", csv, CsvImportOptions.defaults().withBatchSize(3)))
			.satisfies((ex) -> {
				assertThat(ex.getRowsWritten()).isEqualTo(6);
				assertThat(ex.getBatchesWritten()).isEqualTo(2);
				assertThat(ex.getLine()).isEqualTo(9);
				assertThat(ex.isOutcomeUnknown()).isFalse();
			})
			.withMessageContaining("line 9")
			.withMessageContaining("column 'count' (BIGINT): 'seven' is not valid")
			.withMessageContaining("6 row(s) before it were written");
		assertThat(this.dispatcher.lines.get()).isEqualTo(6);
	}

	@Test
	void reportsTheLineOfARowAfterAQuotedLineBreak() throws IOException {
		this.dispatcher.describe = AIR;
		Path csv = write("multi.csv", "time,note\n1,\"a\nb\"\n2,\n");
		assertThatExceptionOfType(CsvImportException.class).isThrownBy(() -> this.template.writeCsv("air", csv))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(4))
			.withMessageContaining("no field value");
		assertThat(this.dispatcher.writes.get()).isZero();
	}

	@Test
	void aRowWithTheWrongNumberOfValuesIsBad() throws IOException {
		this.dispatcher.describe = AIR;
		Path csv = write("short.csv", "time,count\n1,1\n2\n");
		assertThatExceptionOfType(CsvImportException.class).isThrownBy(() -> this.template.writeCsv("air", csv))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(3))
			.withMessageContaining("1 value(s) but the header names 2");
	}

	@Test
	void aRefusedBatchSaysWhatWasWritten() throws IOException {
		this.dispatcher.describe = AIR;
		this.dispatcher.failWrite = 2;
		Path csv = write("refused.csv", "time,count\n1,1\n2,2\n3,3\n4,4\n5,5\n");
		assertThatExceptionOfType(CsvImportException.class)
			.isThrownBy(() -> this.template.writeCsv("air", csv, CsvImportOptions.defaults().withBatchSize(2)))
			.satisfies((ex) -> {
				assertThat(ex.getRowsWritten()).isEqualTo(2);
				assertThat(ex.getLine()).isEqualTo(4);
				assertThat(ex.getCause()).isInstanceOf(CnosInvalidLineProtocolException.class);
			})
			.withMessageContaining("lines 4-5");
		assertThat(this.dispatcher.writes.get()).isEqualTo(2);
	}

	@Test
	void anUnknownColumnOrAMissingTimeIsRefusedBeforeWriting() throws IOException {
		this.dispatcher.describe = AIR;
		assertThatExceptionOfType(CsvImportException.class)
			.isThrownBy(() -> this.template.writeCsv("air", write("unknown.csv", "time,humidity\n1,2\n")))
			.withMessageContaining("column 'humidity' is not a column of table 'air'")
			.satisfies((ex) -> assertThat(ex.getRowsWritten()).isZero());
		assertThatExceptionOfType(CsvImportException.class)
			.isThrownBy(() -> this.template.writeCsv("air", write("notime.csv", "count\n1\n")))
			.withMessageContaining("no 'time' column");
		assertThat(this.dispatcher.writes.get()).isZero();
	}

	@Test
	void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstName() throws IOException {
		this.dispatcher.describe = AIR;
		this.template.writeCsv("air", write("bom.csv", "\uFEFFtime,count\n5,1\n"));
		assertThat(this.dispatcher.bodies).containsExactly("air count=1i 5\n");
	}

	@Test
	void aHeaderThatIsNotValidCsvIsAnImportFailure() throws IOException {
		this.dispatcher.describe = AIR;
		assertThatExceptionOfType(CsvImportException.class)
			.isThrownBy(() -> this.template.writeCsv("air", write("badheader.csv", "\"time,count\n5,1\n")))
			.withMessageContaining("header row")
			.satisfies((ex) -> assertThat(ex.getRowsWritten()).isZero());
		assertThat(this.dispatcher.writes.get()).isZero();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	/**
	 * DESCRIBE TABLE answers and an acknowledging write endpoint that keeps what it got,
	 * answering as CnosDB did.
	 */
	static final class CsvServer extends Dispatcher {

		/** The scenario whose answer DESCRIBE TABLE gets. */
		volatile String describe = AIR;

		volatile boolean keepBodies = true;

		volatile int failWrite = -1;

		final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

		final List<String> precisions = Collections.synchronizedList(new ArrayList<>());

		final List<String> describeStatements = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger writes = new AtomicInteger();

		final AtomicInteger lines = new AtomicInteger();

		volatile String firstLine;

		volatile String lastLine;

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String path = request.getUrl().encodedPath();
			if (path.equals("/api/v1/sql")) {
				this.describeStatements.add(request.getBody().utf8());
				return recorded(this.describe);
			}
			int write = this.writes.incrementAndGet();
			if (write == this.failWrite) {
				return recorded("line-protocol-error");
			}
			String body = request.getBody().utf8();
			this.precisions.add(request.getUrl().queryParameter("precision"));
			if (this.keepBodies) {
				this.bodies.add(body);
			}
			String[] received = body.split("\n");
			this.lines.addAndGet(received.length);
			if (this.firstLine == null) {
				this.firstLine = received[0];
			}
			this.lastLine = received[received.length - 1];
			return recorded("write");
		}

	}

}
