package io.cnosdb.spring.benchmarks.write;

import io.cnosdb.spring.core.CnosRowWriter;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * Ours, synchronously and without {@code Point}s: {@link CnosTemplate#rows()}, each row
 * written from the raw values straight into the template's encode buffer, flushed every
 * batch of rows, on the caller's thread alone. The single-threaded counterpart of
 * QuestDB's {@code Sender}.
 */
final class OursTemplateRowsWrite implements WriteContender {

	private final CnosTemplate template;

	private final int batchSize;

	OursTemplateRowsWrite(String url, int batchSize) {
		this.template = CnosTemplate.builder().url(url).build();
		this.batchSize = batchSize;
	}

	@Override
	public Threading threading() {
		return Threading.SINGLE;
	}

	@Override
	public String name() {
		return "ours template.rows(" + this.batchSize + ")";
	}

	@Override
	public boolean ours() {
		return true;
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		try (CnosRowWriter rows = this.template.rows()) {
			for (int i = from; i < to; i++) {
				Points.oursRow(rows.row(WriteDataset.MEASUREMENT), data, i);
				if ((i - from + 1) % this.batchSize == 0) {
					rows.flush();
				}
			}
		}
	}

	@Override
	public void close() {
		this.template.close();
	}

}
