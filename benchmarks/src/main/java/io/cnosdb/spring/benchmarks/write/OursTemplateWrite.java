package io.cnosdb.spring.benchmarks.write;

import java.util.ArrayList;
import java.util.List;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.write.Point;

/**
 * Ours, synchronously: {@link CnosTemplate#write(java.util.Collection)} of each batch of
 * points, on a template built as the starter builds one without a
 * {@code RestClient.Builder} (HttpClient 5 through Spring's {@code RestClient}).
 */
final class OursTemplateWrite implements WriteContender {

	private final CnosTemplate template;

	private final int batchSize;

	OursTemplateWrite(String url, int batchSize) {
		this.template = CnosTemplate.builder().url(url).build();
		this.batchSize = batchSize;
	}

	@Override
	public Threading threading() {
		return Threading.SINGLE;
	}

	@Override
	public String name() {
		return "ours template.write(" + this.batchSize + ")";
	}

	@Override
	public boolean ours() {
		return true;
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		for (int start = from; start < to; start += this.batchSize) {
			int end = Math.min(to, start + this.batchSize);
			List<Point> points = new ArrayList<>(end - start);
			for (int i = start; i < end; i++) {
				points.add(Points.ours(data, i));
			}
			this.template.write(points);
		}
	}

}
