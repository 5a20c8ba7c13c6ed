package io.cnosdb.spring.benchmarks.write;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * Ours, in the background: a {@link CnosBatchWriter} fed one point at a time, then closed
 * (which waits until every batch is acknowledged). Points the writer finally fails to
 * write are counted, and would also show as lines missing at the sink.
 */
final class OursBatchWriterWrite implements WriteContender {

	private final String name;

	private final CnosTemplate template;

	private final UnaryOperator<CnosBatchWriter.Builder> settings;

	private final AtomicLong failedPoints = new AtomicLong();

	/**
	 * @param settings applied to the builder on top of the defaults
	 */
	OursBatchWriterWrite(String name, String url, UnaryOperator<CnosBatchWriter.Builder> settings) {
		this.name = name;
		this.template = CnosTemplate.builder().url(url).build();
		this.settings = settings;
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
				writer.write(Points.ours(data, i));
			}
		}
	}

	@Override
	public String notes() {
		long failed = this.failedPoints.get();
		return (failed > 0) ? failed + " points failed" : "";
	}

}
