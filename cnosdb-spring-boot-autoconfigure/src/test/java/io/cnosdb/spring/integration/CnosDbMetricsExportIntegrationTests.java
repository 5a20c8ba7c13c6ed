package io.cnosdb.spring.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.CnosDbServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The metrics export end to end against a real CnosDB: the auto-configured registry
 * creates its database at startup, pushes every second, and the meters are read back with
 * SQL, names and tags as they were, values and times as they were recorded.
 */
class CnosDbMetricsExportIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private final String database = CnosDbServer.uniqueName("metrics");

	private final CnosTemplate cnos = cnosdb.template();

	private final ApplicationContextRunner runner = CnosDbContextRunners.application()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues(cnosdb.properties())
		.withPropertyValues("management.cnosdb.metrics.export.enabled=true",
				"management.cnosdb.metrics.export.database=" + this.database,
				"management.cnosdb.metrics.export.step=1s");

	@AfterEach
	void dropDatabase() {
		this.cnos.dropDatabaseIfExists(this.database);
		this.cnos.close();
	}

	@Test
	void metersArePushedIntoTheDatabaseCreatedAtStartupAndReadBack() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.cnos.listDatabases()).contains(this.database);

			Instant start = Instant.now();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Counter.builder("station.readings").tag("station", "XiaoMai Dao, pier=1").register(registry).increment(5);
			Timer.builder("station.upload").register(registry).record(Duration.ofMillis(40));
			Gauge.builder("odd gauge,1", () -> 42).register(registry);
			CnosClient metrics = CnosClient.create(this.cnos.withDatabase(this.database));

			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				Double readings = metrics.sql("SELECT sum(\"value\") FROM station_readings WHERE station = :station")
					.param("station", "XiaoMai Dao, pier=1")
					.query(Double.class)
					.single();
				assertThat(readings).isEqualTo(5.0);
			});
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				List<Map<String, Object>> uploads = metrics
					.sql("SELECT \"count\", \"sum\", \"mean\", metric_type FROM station_upload WHERE \"count\" > 0")
					.listOfRows();
				assertThat(uploads).singleElement()
					.isEqualTo(Map.of("count", "1.0", "sum", "40.0", "mean", "40.0", "metric_type", "histogram"));
			});
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				List<Double> odd = metrics.sql("SELECT \"value\" FROM " + CnosSql.quoteName("table", "odd gauge,1"))
					.query(Double.class)
					.list();
				assertThat(odd).isNotEmpty().containsOnly(42.0);
			});

			Instant latest = metrics.sql("SELECT max(time) FROM station_readings").query(Instant.class).single();
			assertThat(latest).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
			assertThat(this.cnos.withDatabase(this.database).describeTable("station_upload"))
				.extracting(TableColumn::name, TableColumn::columnType)
				.contains(tuple("metric_type", "TAG"), tuple("count", "FIELD"), tuple("sum", "FIELD"),
						tuple("mean", "FIELD"), tuple("upper", "FIELD"));
		});
	}

}
