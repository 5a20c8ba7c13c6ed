package io.cnosdb.spring.benchmarks.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cnosdb.spring.benchmarks.Contenders;
import io.cnosdb.spring.benchmarks.Measured;
import io.cnosdb.spring.benchmarks.Suite;
import io.cnosdb.spring.benchmarks.Versions;
import io.cnosdb.spring.benchmarks.report.RunInfo;
import io.cnosdb.spring.benchmarks.sink.HttpSink;
import io.cnosdb.spring.benchmarks.sink.SinkProcess;

/**
 * B2: points written end to end, from raw values to acknowledged requests, to a sink in
 * another JVM that counts every line. Each contender writes the same points; after every
 * run the sink must have received exactly as many lines as points were written, or the
 * run fails. Contenders run interleaved, the median and range of the repetitions are
 * reported, and ours ÷ each peer and ÷ the raw-socket ceiling, with its interval and the
 * kind of pair (like for like or not).
 */
public final class WriteSuite implements Suite {

	private static final int BATCH = 5_000;

	@Override
	public String name() {
		return "b2";
	}

	@Override
	public String description() {
		return "write points end to end to a line-counting loopback sink (points/s, client CPU)";
	}

	@Override
	public void run(boolean quick) throws Exception {
		int points = quick ? 1_000_000 : 5_000_000;
		int warmUp = quick ? 200_000 : 1_000_000;
		long warmUpNanos = (quick ? 3L : 10L) * 1_000_000_000L;
		int repetitions = quick ? 1 : 5;
		long minCpuNanos = quick ? 0 : Measured.MIN_CPU_TICKS * Measured.TICK_NANOS;
		System.out.printf(Locale.ROOT, "%s; questdb-client %s, influxdb-client-java %s, okhttp %s, httpclient5 %s%n",
				Versions.jdk(), Versions.of("org.questdb", "questdb-client"),
				Versions.of("com.influxdb", "influxdb-client-java"), okhttp3.OkHttp.VERSION,
				Versions.of("org.apache.httpcomponents.client5", "httpclient5"));
		System.out.printf(Locale.ROOT,
				"%,d points (written again until the run has used %d ms of CPU) after %,d-point warm-up runs for at "
						+ "least %d s per contender, %d repetition(s)%s%n",
				points, minCpuNanos / 1_000_000L, warmUp, warmUpNanos / 1_000_000_000L, repetitions,
				quick ? "; SMOKE RUN: not a result" : "");
		WriteDataset data = new WriteDataset(points);
		try (SinkProcess sink = SinkProcess.start(HttpSink.Mode.COUNT)) {
			List<WriteContender> contenders = contenders(sink);
			try {
				new WriteRuns(sink, data, contenders).run(warmUp, warmUpNanos, repetitions, minCpuNanos,
						RunInfo.current(quick));
			}
			finally {
				for (WriteContender contender : contenders) {
					contender.close();
				}
			}
		}
	}

	private static List<WriteContender> contenders(SinkProcess sink) throws Exception {
		String url = sink.url();
		List<WriteContender> contenders = new ArrayList<>();
		contenders.add(new OursTemplateWrite(url, BATCH));
		contenders.add(new OursTemplateWrite(url, 50_000));
		contenders.add(new OursTemplateRowsWrite(url, BATCH));
		contenders.add(new OursBatchWriterWrite("ours CnosBatchWriter defaults", url, (builder) -> builder, false));
		contenders.add(new OursBatchWriterWrite("ours CnosBatchWriter tuned", url, OursBatchWriterWrite::tuned, false));
		contenders.add(new OursBatchWriterWrite("ours CnosBatchWriter.row defaults", url, (builder) -> builder, true));
		contenders
			.add(new OursBatchWriterWrite("ours CnosBatchWriter.row tuned", url, OursBatchWriterWrite::tuned, true));
		contenders.add(new QuestDbWrite(sink.port(), 0));
		contenders.add(new QuestDbWrite(sink.port(), 10_000));
		contenders.add(new InfluxBlockingWrite(url, BATCH, false));
		contenders.add(new InfluxBlockingWrite(url, BATCH, true));
		contenders.add(new InfluxAsyncWrite(url, BATCH, 100_000));
		List<WriteContender> selected = new ArrayList<>();
		for (WriteContender contender : contenders) {
			if (Contenders.selected(contender.name())) {
				selected.add(contender);
			}
			else {
				contender.close();
			}
		}
		// The ceiling always runs: the ratios need it.
		selected.add(new RawCeilingWrite(sink.port(), BATCH));
		return selected;
	}

}
