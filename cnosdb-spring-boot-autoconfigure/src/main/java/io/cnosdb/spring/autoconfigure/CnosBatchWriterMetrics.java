package io.cnosdb.spring.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters of the {@link CnosBatchWriter}, tagged with the {@code database}:
 * counters {@code cnosdb.writer.points} (points acknowledged),
 * {@code cnosdb.writer.batches} (batches acknowledged), {@code cnosdb.writer.retries}
 * (batches sent again), {@code cnosdb.writer.failures} (batches handed to the failure
 * handler) and {@code cnosdb.writer.points.failed} (their points), and gauges
 * {@code cnosdb.writer.buffer.size} (points held) and {@code cnosdb.writer.buffer.bytes}.
 * Registers nothing without a {@link MeterRegistry} bean.
 */
public class CnosBatchWriterMetrics implements CnosBatchWriterListener {

	private final ObjectProvider<MeterRegistry> registryProvider;

	private volatile Counter points;

	private volatile Counter batches;

	private volatile Counter retries;

	private volatile Counter failures;

	private volatile Counter pointsFailed;

	CnosBatchWriterMetrics(ObjectProvider<MeterRegistry> registryProvider) {
		this.registryProvider = registryProvider;
	}

	@Override
	public void writerStarted(CnosBatchWriter writer) {
		MeterRegistry registry = this.registryProvider.getIfUnique();
		if (registry == null) {
			return;
		}
		String database = writer.getDatabase();
		this.points = counter(registry, "cnosdb.writer.points", "Points the server acknowledged", database);
		this.batches = counter(registry, "cnosdb.writer.batches", "Batches the server acknowledged", database);
		this.retries = counter(registry, "cnosdb.writer.retries", "Batches sent again after a transient failure",
				database);
		this.failures = counter(registry, "cnosdb.writer.failures", "Batches handed to the failure handler", database);
		this.pointsFailed = counter(registry, "cnosdb.writer.points.failed", "Points handed to the failure handler",
				database);
		Gauge.builder("cnosdb.writer.buffer.size", writer, CnosBatchWriter::getBufferedPoints)
			.description("Points held by the batch writer")
			.tag("database", database)
			.register(registry);
		Gauge.builder("cnosdb.writer.buffer.bytes", writer, CnosBatchWriter::getBufferedBytes)
			.description("Bytes of line protocol held by the batch writer")
			.baseUnit("bytes")
			.tag("database", database)
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String name, String description, String database) {
		return Counter.builder(name).description(description).tag("database", database).register(registry);
	}

	@Override
	public void batchWritten(int points, int bytes) {
		increment(this.points, points);
		increment(this.batches, 1);
	}

	@Override
	public void batchRetried(int points, Throwable cause) {
		increment(this.retries, 1);
	}

	@Override
	public void batchFailed(int points, Throwable cause) {
		increment(this.failures, 1);
		increment(this.pointsFailed, points);
	}

	private static void increment(Counter counter, int amount) {
		if (counter != null) {
			counter.increment(amount);
		}
	}

}
