package io.cnosdb.spring.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How each kind of meter becomes one point: the measurement, the tags plus
 * {@code metric_type}, the fields, and the time; with names and tags escaped by the
 * line-protocol encoder ({@link Point#toLineProtocol(CnosPrecision)}). The meters are the
 * step meters of a {@link CnosDbMeterRegistry} on a mock clock, read one step after they
 * were recorded, as a push reads them.
 */
class MeterPointsTests {

	private static final Duration STEP = Duration.ofMinutes(1);

	/** The mock clock's time one step after its start, in milliseconds. */
	private static final long PUSHED_AT = 1 + STEP.toMillis();

	private final MockClock clock = new MockClock();

	private final CnosDbMeterRegistry registry = CnosDbMeterRegistry.builder(TestConfigs.notScheduled())
		.clock(this.clock)
		.template(() -> {
			throw new IllegalStateException("Nothing is pushed");
		})
		.build();

	private final MeterPoints points = new MeterPoints(TimeUnit.MILLISECONDS);

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void counterIsTheCountOfTheStep() {
		Counter counter = Counter.builder("cache.evictions").tag("cache", "books").register(this.registry);
		counter.increment(3);
		this.clock.add(STEP);
		assertThat(line(counter)).isEqualTo("cache_evictions,cache=books,metric_type=counter value=3.0 " + PUSHED_AT);
	}

	@Test
	void functionCounterIsTheIncreaseOverTheStep() {
		AtomicLong reads = new AtomicLong();
		FunctionCounter counter = FunctionCounter.builder("files.read", reads, AtomicLong::get).register(this.registry);
		counter.count();
		reads.set(5);
		this.clock.add(STEP);
		assertThat(line(counter)).isEqualTo("files_read,metric_type=counter value=5.0 " + PUSHED_AT);
	}

	@Test
	void gaugeIsItsValue() {
		Gauge gauge = Gauge.builder("queue.size", () -> 7).tag("queue", "in").register(this.registry);
		this.clock.add(STEP);
		assertThat(line(gauge)).isEqualTo("queue_size,queue=in,metric_type=gauge value=7.0 " + PUSHED_AT);
	}

	@Test
	void timeGaugeIsItsValueInMilliseconds() {
		TimeGauge gauge = TimeGauge.builder("process.uptime", () -> 2.5, TimeUnit.SECONDS).register(this.registry);
		assertThat(line(gauge)).isEqualTo("process_uptime,metric_type=gauge value=2500.0 1");
	}

	@Test
	void timerHasSumCountMeanAndUpperInMilliseconds() {
		Timer timer = Timer.builder("http.server.requests")
			.tags("method", "GET", "uri", "/api/readings")
			.register(this.registry);
		this.clock.add(STEP.minusSeconds(1));
		timer.record(Duration.ofMillis(100));
		timer.record(Duration.ofMillis(300));
		this.clock.add(Duration.ofSeconds(1));
		assertThat(line(timer)).isEqualTo("http_server_requests,method=GET,uri=/api/readings,metric_type=histogram "
				+ "sum=400.0,count=2.0,mean=200.0,upper=300.0 " + PUSHED_AT);
	}

	@Test
	void distributionSummaryHasSumCountMeanAndUpper() {
		DistributionSummary summary = DistributionSummary.builder("payload.size").register(this.registry);
		this.clock.add(STEP.minusSeconds(1));
		summary.record(2);
		summary.record(4);
		this.clock.add(Duration.ofSeconds(1));
		assertThat(line(summary))
			.isEqualTo("payload_size,metric_type=histogram sum=6.0,count=2.0,mean=3.0,upper=4.0 " + PUSHED_AT);
	}

	@Test
	void functionTimerHasSumCountAndMean() {
		long[] counts = { 0 };
		double[] seconds = { 0 };
		FunctionTimer timer = FunctionTimer
			.builder("pool.waits", this, (self) -> counts[0], (self) -> seconds[0], TimeUnit.SECONDS)
			.register(this.registry);
		timer.count();
		timer.totalTime(TimeUnit.SECONDS);
		counts[0] = 4;
		seconds[0] = 2;
		this.clock.add(STEP);
		assertThat(line(timer))
			.isEqualTo("pool_waits,metric_type=histogram sum=2000.0,count=4.0,mean=500.0 " + PUSHED_AT);
	}

	@Test
	void longTaskTimerHasActiveTasksAndDuration() {
		LongTaskTimer timer = LongTaskTimer.builder("reports.running").register(this.registry);
		timer.start();
		this.clock.add(STEP);
		assertThat(line(timer))
			.isEqualTo("reports_running,metric_type=long_task_timer active_tasks=1.0,duration=60000.0 " + PUSHED_AT);
	}

	@Test
	void otherMeterHasAFieldPerStatisticAndItsTypeAsMetricType() {
		Meter meter = Meter.builder("disk.io", Meter.Type.OTHER,
				List.of(measurement(10.0, Statistic.VALUE), measurement(20.0, Statistic.TOTAL),
						measurement(30.0, Statistic.TOTAL_TIME), measurement(Double.NaN, Statistic.MAX),
						measurement(1.0, Statistic.ACTIVE_TASKS)))
			.register(this.registry);
		// TOTAL and TOTAL_TIME share the name "total": the first is kept; NaN is left
		// out.
		assertThat(line(meter)).isEqualTo("disk_io,metric_type=other value=10.0,total=20.0,active=1.0 1");
	}

	@Test
	void nonFiniteValuesAreLeftOutAndAMeterWithoutValuesHasNoPoint() {
		Gauge nan = Gauge.builder("nan.gauge", () -> Double.NaN).register(this.registry);
		Gauge infinite = Gauge.builder("infinite.gauge", () -> Double.POSITIVE_INFINITY).register(this.registry);
		assertThat(point(nan)).isNull();
		assertThat(point(infinite)).isNull();
	}

	@Test
	void namesAndTagsAreEscapedByTheEncoder() {
		Gauge gauge = Gauge.builder("odd name,with signs", () -> 1)
			.tag("host name", "a,b=c d")
			.tag("quote", "say \"hi\" 'there'")
			.tag("unicode", "海洋站")
			.register(this.registry);
		assertThat(line(gauge)).isEqualTo("odd\\ name\\,with\\ signs,host\\ name=a\\,b\\=c\\ d,"
				+ "quote=say\\ \"hi\"\\ 'there',unicode=海洋站,metric_type=gauge value=1.0 1");
	}

	@Test
	void tagsWithABlankValueAreLeftOut() {
		Gauge gauge = Gauge.builder("pool.size", () -> 2)
			.tags("pool", "", "kind", " ", "name", "main")
			.register(this.registry);
		assertThat(line(gauge)).isEqualTo("pool_size,name=main,metric_type=gauge value=2.0 1");
	}

	@Test
	void aTagNamedLikeAFieldOrMetricTypeIsRefused() {
		Gauge field = Gauge.builder("clashing", () -> 1).tag("value", "x").register(this.registry);
		Gauge type = Gauge.builder("typed", () -> 1).tag("metric_type", "mine").register(this.registry);
		assertThatIllegalArgumentException().isThrownBy(() -> point(field)).withMessageContaining("'value'");
		assertThatIllegalArgumentException().isThrownBy(() -> point(type)).withMessageContaining("'metric_type'");
	}

	@Test
	void aNameTheEncoderCannotWriteIsRefusedByIt() {
		Gauge slash = Gauge.builder("api/latency", () -> 1).register(this.registry);
		Gauge lineBreak = Gauge.builder("gauge", () -> 1).tag("t", "a\nb").register(this.registry);
		assertThatIllegalArgumentException().isThrownBy(() -> line(slash)).withMessageContaining("'/'");
		assertThatIllegalArgumentException().isThrownBy(() -> line(lineBreak)).withMessageContaining("newline");
	}

	@Test
	void theNamingConventionNamesTheMeasurementAndTagKeys() {
		Gauge gauge = Gauge.builder("jvm.memory.used", () -> 3).tag("memory.area", "heap").register(this.registry);
		assertThat(this.points.toPoint(gauge, NamingConvention.dot, 1).toLineProtocol(CnosPrecision.MS))
			.isEqualTo("jvm.memory.used,memory.area=heap,metric_type=gauge value=3.0 1");
	}

	private static Measurement measurement(double value, Statistic statistic) {
		return new Measurement((DoubleSupplier) () -> value, statistic);
	}

	private Point point(Meter meter) {
		return this.points.toPoint(meter, NamingConvention.snakeCase, this.clock.wallTime());
	}

	/** The point's line as the encoder writes it, timestamp in milliseconds. */
	private String line(Meter meter) {
		Point point = point(meter);
		assertThat(point).as("point of %s", meter.getId()).isNotNull();
		return point.toLineProtocol(CnosPrecision.MS);
	}

}
