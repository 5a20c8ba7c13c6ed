package io.cnosdb.spring.autoconfigure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.CnosWriteOperations;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.CnosBatchWriterListener;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;

/**
 * Micrometer meters of one {@link CnosBatchWriter}, tagged with the {@code tenant} and
 * the {@code database} it writes to: counters {@code cnosdb.writer.points} (points
 * acknowledged), {@code cnosdb.writer.batches} (batches acknowledged),
 * {@code cnosdb.writer.retries} (batches sent again), {@code cnosdb.writer.failures}
 * (batches handed to the failure handler) and {@code cnosdb.writer.points.failed} (their
 * points), and gauges {@code cnosdb.writer.buffer.size} (points held) and
 * {@code cnosdb.writer.buffer.bytes}. For a writer with a spool, also gauges
 * {@code cnosdb.writer.spool.bytes} (bytes of points in the segment files),
 * {@code cnosdb.writer.spool.segments} (segment files) and
 * {@code cnosdb.writer.spool.oldest.age} (how long ago the oldest unacknowledged point
 * was accepted, 0 when there is none), and counters {@code cnosdb.writer.spool.resent}
 * (points a previous run left unacknowledged, sent again) and
 * {@code cnosdb.writer.spool.dropped} (points dropped to make room).
 * <p>
 * A {@link MeterBinder}: as a bean it is bound to every registry by Spring Boot's metrics
 * auto-configuration. It counts as the writer's {@link CnosBatchWriterListener} whether
 * bound yet or not, so nothing written before binding is lost. Give each writer one of
 * its own.
 */
public final class CnosDbBatchWriterMetrics implements MeterBinder, CnosBatchWriterListener {

	private final Tags tags;

	private final LongAdder points = new LongAdder();

	private final LongAdder batches = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final LongAdder pointsFailed = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final boolean spool;

	private volatile @Nullable CnosBatchWriter writer;

	/**
	 * Creates the meters of the writer that writes through the given operations.
	 * @param operations the operations whose tenant and database tag the meters
	 */
	public CnosDbBatchWriterMetrics(CnosWriteOperations operations) {
		this(operations, false);
	}

	/**
	 * Creates the meters of the writer that writes through the given operations.
	 * @param operations the operations whose tenant and database tag the meters
	 * @param spool whether the writer has a spool, whose meters to add
	 */
	public CnosDbBatchWriterMetrics(CnosWriteOperations operations, boolean spool) {
		this(operations.getTenant(), operations.getDatabase(), spool);
	}

	/**
	 * Creates the meters of a writer that writes to the given tenant and database.
	 * @param tenant the value of the {@code tenant} tag
	 * @param database the value of the {@code database} tag
	 */
	public CnosDbBatchWriterMetrics(String tenant, String database) {
		this(tenant, database, false);
	}

	/**
	 * Creates the meters of a writer that writes to the given tenant and database.
	 * @param tenant the value of the {@code tenant} tag
	 * @param database the value of the {@code database} tag
	 * @param spool whether the writer has a spool, whose meters to add
	 */
	public CnosDbBatchWriterMetrics(String tenant, String database, boolean spool) {
		this.tags = Tags.of("tenant", tenant, "database", database);
		this.spool = spool;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		counter(registry, "cnosdb.writer.points", "Points the server acknowledged", this.points);
		counter(registry, "cnosdb.writer.batches", "Batches the server acknowledged", this.batches);
		counter(registry, "cnosdb.writer.retries", "Batches sent again after a transient failure", this.retries);
		counter(registry, "cnosdb.writer.failures", "Batches handed to the failure handler", this.failures);
		counter(registry, "cnosdb.writer.points.failed", "Points handed to the failure handler", this.pointsFailed);
		Gauge.builder("cnosdb.writer.buffer.size", this, CnosDbBatchWriterMetrics::bufferedPoints)
			.description("Points held by the batch writer")
			.tags(this.tags)
			.register(registry);
		Gauge.builder("cnosdb.writer.buffer.bytes", this, CnosDbBatchWriterMetrics::bufferedBytes)
			.description("Bytes of line protocol held by the batch writer")
			.baseUnit("bytes")
			.tags(this.tags)
			.register(registry);
		if (this.spool) {
			bindSpool(registry);
		}
	}

	private void bindSpool(MeterRegistry registry) {
		Gauge.builder("cnosdb.writer.spool.bytes", this, (metrics) -> metrics.spool(SpoolStatus::bytes))
			.description("Bytes of points in the batch writer's spool files")
			.baseUnit("bytes")
			.tags(this.tags)
			.register(registry);
		Gauge.builder("cnosdb.writer.spool.segments", this, (metrics) -> metrics.spool(SpoolStatus::segments))
			.description("Segment files of the batch writer's spool")
			.tags(this.tags)
			.register(registry);
		TimeGauge
			.builder("cnosdb.writer.spool.oldest.age", this, TimeUnit.MILLISECONDS,
					CnosDbBatchWriterMetrics::oldestAgeMillis)
			.description("How long ago the oldest point the server has not acknowledged was accepted")
			.tags(this.tags)
			.register(registry);
		FunctionCounter
			.builder("cnosdb.writer.spool.resent", this, (metrics) -> metrics.spool(SpoolStatus::recoveredPoints))
			.description("Points a previous run left unacknowledged in the spool, sent again")
			.tags(this.tags)
			.register(registry);
		counter(registry, "cnosdb.writer.spool.dropped", "Points dropped from the full spool to make room",
				this.dropped);
	}

	private double spool(ToDoubleFunction<SpoolStatus> value) {
		CnosBatchWriter writer = this.writer;
		SpoolStatus status = (writer != null) ? writer.getSpoolStatus() : null;
		return (status != null) ? value.applyAsDouble(status) : 0;
	}

	private double oldestAgeMillis() {
		return spool(
				(status) -> (status.oldestUnacknowledged() != null) ? status.oldestUnacknowledged().toMillis() : 0);
	}

	private void counter(MeterRegistry registry, String name, String description, LongAdder count) {
		FunctionCounter.builder(name, count, LongAdder::sum)
			.description(description)
			.tags(this.tags)
			.register(registry);
	}

	private double bufferedPoints() {
		CnosBatchWriter writer = this.writer;
		return (writer != null) ? writer.getBufferedPoints() : 0;
	}

	private double bufferedBytes() {
		CnosBatchWriter writer = this.writer;
		return (writer != null) ? writer.getBufferedBytes() : 0;
	}

	@Override
	public void writerStarted(CnosBatchWriter writer) {
		this.writer = writer;
	}

	@Override
	public void batchWritten(int points, int bytes) {
		this.points.add(points);
		this.batches.increment();
	}

	@Override
	public void batchRetried(int points, Throwable cause) {
		this.retries.increment();
	}

	@Override
	public void batchFailed(int points, Throwable cause) {
		this.failures.increment();
		this.pointsFailed.add(points);
	}

	@Override
	public void pointsDropped(long points) {
		this.dropped.add(points);
	}

}
