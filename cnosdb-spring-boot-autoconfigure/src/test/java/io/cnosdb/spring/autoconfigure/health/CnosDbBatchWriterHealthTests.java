package io.cnosdb.spring.autoconfigure.health;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.batch.spool.SpoolSettings;
import io.cnosdb.spring.core.batch.spool.SpoolSync;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbBatchWriterHealthIndicator} and its auto-configuration: the
 * points a writer holds, its spool's state, DOWN when the spool is nearly full, and a
 * backlog that keeps growing. The server is down throughout, so points stay.
 */
class CnosDbBatchWriterHealthTests {

	/** Nothing listens there: every write fails to connect. */
	private static final String DOWN = "http://127.0.0.1:1";

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = CnosDbContextRunners.application()
		.withPropertyValues("cnosdb.url=" + DOWN, "cnosdb.write.batch.close-timeout=100ms");

	@Test
	void thereIsAnIndicatorForTheAutoConfiguredWriter() {
		this.runner.withPropertyValues("cnosdb.write.batch.enabled=true").run((context) -> {
			assertThat(context).hasBean("cnosdbBatchWriterHealthContributor");
			HealthIndicator indicator = context.getBean("cnosdbBatchWriterHealthContributor", HealthIndicator.class);
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("bufferedPoints", 0)
				.containsEntry("database", "public")
				.doesNotContainKey("spool.bytes");
		});
	}

	@Test
	void thereIsNoIndicatorWithoutAWriterOrWhenSwitchedOff() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("cnosdbBatchWriterHealthContributor"));
		this.runner
			.withPropertyValues("cnosdb.write.batch.enabled=true",
					"management.health.cnosdb-batch-writer.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("cnosdbBatchWriterHealthContributor"));
	}

	@Test
	void aSpoolShowsItsStateAndIsDownWhenNearlyFull() {
		try (CnosBatchWriter writer = writer(16 * 1024)) {
			CnosDbBatchWriterHealthIndicator indicator = new CnosDbBatchWriterHealthIndicator(writer,
					Duration.ofMinutes(1));
			writer.write(point(0));
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("spool.points", 1L)
				.containsEntry("spool.segments", 1)
				.containsEntry("spool.directory", this.directory.toString())
				.containsEntry("spool.maxSize", 16L * 1024)
				.containsEntry("spool.droppedPoints", 0L)
				.containsEntry("spool.growing", false)
				.containsKey("spool.oldestUnacknowledged");
			for (int i = 1; i < 10_000 && writer.getSpoolStatus().usage() < 0.95; i++) {
				writer.write(point(i));
			}
			health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason")).startsWith("The spool is 9")
				.endsWith("% full: writes will soon wait, fail or drop points");
		}
	}

	@Test
	void aBacklogThatKeepsGrowingPastTheStalledAgeShowsAsGrowing() {
		try (CnosBatchWriter writer = writer(1024 * 1024)) {
			CnosDbBatchWriterHealthIndicator indicator = new CnosDbBatchWriterHealthIndicator(writer, Duration.ZERO);
			assertThat(indicator.health(true).getDetails()).containsEntry("spool.growing", false);
			for (int check = 1; check <= 3; check++) {
				writer.write(point(check));
				boolean growing = (Boolean) indicator.health(true).getDetails().get("spool.growing");
				assertThat(growing).isEqualTo(check == 3);
			}
			// No longer growing: reported as soon as a check sees no growth.
			assertThat(indicator.health(true).getDetails()).containsEntry("spool.growing", false);
		}
	}

	private CnosBatchWriter writer(long maxSize) {
		CnosTemplate template = CnosTemplate.builder().url(DOWN).database("ocean").build();
		return CnosBatchWriter.builder(template)
			.spool(SpoolSettings.of(this.directory, maxSize, SpoolSync.CLOSE, Duration.ofSeconds(1)))
			.backpressure(CnosBatchWriter.Backpressure.FAIL)
			.retryBackoff(Duration.ofMillis(50), Duration.ofMillis(50))
			.closeTimeout(Duration.ofMillis(100))
			.build();
	}

	private static Point point(int i) {
		return Point.measurement("air").tag("station", "s1").field("v", (long) i).time(i, CnosPrecision.NS);
	}

}
