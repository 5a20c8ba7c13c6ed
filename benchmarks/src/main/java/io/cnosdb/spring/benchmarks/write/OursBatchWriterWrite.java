package io.cnosdb.spring.benchmarks.write;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * Ours, in the background: a {@link CnosBatchWriter} fed one point (or row) at a time,
 * then closed (which waits until every batch is acknowledged). Points the writer finally
 * fails to write are counted, and would also show as lines missing at the sink.
 */
final class OursBatchWriterWrite implements WriteContender {

	private final String name;

	private final CnosTemplate template;

	private final UnaryOperator<CnosBatchWriter.Builder> settings;

	private final boolean rows;

	private final AtomicLong failedPoints = new AtomicLong();

	/**
	 * @param settings applied to the builder on top of the defaults
	 * @param rows whether to write each point as a row ({@code writer.row(…)…at(…)})
	 * rather than as a {@code Point}
	 */
	OursBatchWriterWrite(String name, String url, UnaryOperator<CnosBatchWriter.Builder> settings, boolean rows) {
		this.name = name;
		this.template = CnosTemplate.builder().url(url).build();
		this.settings = settings;
		this.rows = rows;
	}

	@Override
	public Threading threading() {
		return Threading.PIPELINED;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean ours() {
		return true;
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		CnosBatchWriter.Builder builder = CnosBatchWriter.builder(this.template)
			.failureHandler((failure) -> this.failedPoints.addAndGet(failure.lines().size()));
		try (CnosBatchWriter writer = this.settings.apply(builder).build()) {
			for (int i = from; i < to; i++) {
				if (this.rows) {
					Points.oursRow(writer.row(WriteDataset.MEASUREMENT), data, i);
				}
				else {
					writer.write(Points.ours(data, i));
				}
			}
		}
	}

	/** Larger batches and buffer: {@code batchSize(50_000)}, 200,000 points, 256 MiB. */
	static CnosBatchWriter.Builder tuned(CnosBatchWriter.Builder builder) {
		return builder.batchSize(50_000).bufferLimit(200_000).bufferLimitBytes(256L * 1024 * 1024);
	}

	@Override
	public String notes() {
		long failed = this.failedPoints.get();
		return (failed > 0) ? failed + " points failed" : "";
	}

}
