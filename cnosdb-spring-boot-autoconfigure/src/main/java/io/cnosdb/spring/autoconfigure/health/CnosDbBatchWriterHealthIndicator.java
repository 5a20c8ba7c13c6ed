package io.cnosdb.spring.autoconfigure.health;

import java.time.Duration;

import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} of a {@link CnosBatchWriter}: the points it holds, and, for a
 * writer with a spool, the spool's state. It is DOWN when the spool is
 * {@value #FULL_PERCENT}% full or more, since writes then soon wait, fail or drop points;
 * UP otherwise. The {@code growing} detail is {@code true} when the points held have
 * grown at each of the last {@value #GROWING_CHECKS} checks while the oldest of them has
 * waited at least the {@code stalledAfter} age: a backlog the server does not drain.
 */
public class CnosDbBatchWriterHealthIndicator extends AbstractHealthIndicator {

	static final int FULL_PERCENT = 90;

	static final int GROWING_CHECKS = 3;

	private final CnosBatchWriter writer;

	private final Duration stalledAfter;

	private long lastPoints = -1;

	private int growingChecks;

	/**
	 * Creates an indicator of a writer.
	 * @param writer the writer to report on
	 * @param stalledAfter the age of the oldest unacknowledged point past which a growing
	 * backlog is reported as {@code growing}
	 */
	public CnosDbBatchWriterHealthIndicator(CnosBatchWriter writer, Duration stalledAfter) {
		super("CnosDB batch writer health check failed");
		Assert.notNull(writer, "Writer must not be null");
		Assert.notNull(stalledAfter, "stalledAfter must not be null");
		this.writer = writer;
		this.stalledAfter = stalledAfter;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up()
			.withDetail("database", this.writer.getDatabase())
			.withDetail("bufferedPoints", this.writer.getBufferedPoints())
			.withDetail("bufferedBytes", this.writer.getBufferedBytes());
		SpoolStatus spool = this.writer.getSpoolStatus();
		if (spool == null) {
			return;
		}
		long percent = Math.round(spool.usage() * 100);
		builder.withDetail("spool.directory", spool.directory().toString())
			.withDetail("spool.bytes", spool.bytes())
			.withDetail("spool.maxSize", spool.maxSize())
			.withDetail("spool.usedPercent", percent)
			.withDetail("spool.segments", spool.segments())
			.withDetail("spool.points", spool.points())
			.withDetail("spool.recoveredPoints", spool.recoveredPoints())
			.withDetail("spool.droppedPoints", spool.droppedPoints())
			.withDetail("spool.growing", isGrowing(spool));
		if (spool.oldestUnacknowledged() != null) {
			builder.withDetail("spool.oldestUnacknowledged", spool.oldestUnacknowledged().toString());
		}
		if (percent >= FULL_PERCENT) {
			builder.down()
				.withDetail("reason", "The spool is " + percent + "% full: writes will soon wait, fail or drop points");
		}
	}

	private synchronized boolean isGrowing(SpoolStatus spool) {
		boolean grew = this.lastPoints >= 0 && spool.points() > this.lastPoints;
		this.lastPoints = spool.points();
		this.growingChecks = grew ? this.growingChecks + 1 : 0;
		Duration oldest = spool.oldestUnacknowledged();
		return this.growingChecks >= GROWING_CHECKS && oldest != null && oldest.compareTo(this.stalledAfter) >= 0;
	}

}
