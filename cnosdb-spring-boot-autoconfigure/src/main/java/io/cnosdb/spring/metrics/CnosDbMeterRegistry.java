package io.cnosdb.spring.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.util.MeterPartition;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * A Micrometer push registry that writes the application's meters into a CnosDB database,
 * every {@linkplain CnosDbRegistryConfig#step() step}, as line protocol: one measurement
 * per meter name (in snake case: {@code jvm.memory.used} becomes the table
 * {@code jvm_memory_used}), the meter's tags as tags plus a {@code metric_type} tag, and
 * its statistics as DOUBLE fields, as Micrometer's InfluxDB registry maps them (counters
 * and gauges {@code value}; timers and summaries {@code sum}, {@code count}, {@code mean}
 * and {@code upper}; long task timers {@code active_tasks} and {@code duration}). Counts
 * and sums are those of the last step, as in every step registry; times are in
 * milliseconds. Points carry the time of the push and are sent in the template's write
 * precision.
 * <p>
 * It writes through a {@link CnosTemplate}, so the template's HTTP client (URL, SSL,
 * credentials, timeouts, compression) and tenant apply; the template is asked for only
 * when first needed, so it can come from a context that also needs this registry. Each
 * batch of up to {@linkplain CnosDbRegistryConfig#batchSize() batch size} meters is one
 * request. Names, tags and values are escaped by the line-protocol encoder; a meter it
 * cannot write (a name with a line break, a tag named like a field) is left out and
 * logged once.
 * <p>
 * A failed push never reaches the application: it is counted by the
 * {@value #FAILURES_METER} counter of this registry (registered at the first push, once
 * meter filters are in place) and logged once per outage, at WARN, with one INFO line
 * when pushes work again; its step is lost, and the next step is pushed as usual. With
 * {@linkplain CnosDbRegistryConfig#autoCreateDb() auto-creation} on, the database is
 * created ({@code CREATE DATABASE IF NOT EXISTS}) by {@link #createDatabaseIfMissing()},
 * which the auto-configuration calls at startup, and otherwise before the first push;
 * until it succeeds, it is tried again before each push, and again after a write finds
 * the database gone.
 */
public final class CnosDbMeterRegistry extends StepMeterRegistry {

	/** The counter of write requests that failed, registered in this registry. */
	public static final String FAILURES_METER = "cnosdb.metrics.export.failures";

	private static final ThreadFactory DEFAULT_THREAD_FACTORY = new NamedThreadFactory("cnosdb-metrics-publisher");

	/** Room for a typical meter's line, to size the buffer of a batch. */
	private static final int BYTES_PER_METER = 160;

	private final CnosDbRegistryConfig config;

	private final SingletonSupplier<CnosTemplate> target;

	private final MeterPoints points = new MeterPoints(TimeUnit.MILLISECONDS);

	private final PushFailures failures = new PushFailures();

	private volatile @Nullable LineProtocolEncoder encoder;

	private volatile boolean databaseCreated;

	/** Registered at the first push; see {@link #registerFailuresMeter()}. */
	private volatile @Nullable Counter failedPushes;

	private CnosDbMeterRegistry(CnosDbRegistryConfig config, Clock clock, Supplier<? extends CnosTemplate> template,
			ThreadFactory threadFactory) {
		super(config, clock);
		String database = CnosSql.validateName("database", config.database());
		Assert.isTrue(config.batchSize() > 0, () -> "Batch size must be greater than 0 but was " + config.batchSize());
		Duration step = config.step();
		Assert.isTrue(step.compareTo(Duration.ofMillis(1)) >= 0, () -> "Step must be at least 1ms but was " + step);
		this.config = config;
		this.target = SingletonSupplier.of(() -> template.get().withDatabase(database));
		config().namingConvention(NamingConvention.snakeCase);
		start(threadFactory);
	}

	/**
	 * Starts building a registry with the given configuration.
	 * @param config the configuration
	 * @return a builder
	 */
	public static Builder builder(CnosDbRegistryConfig config) {
		return new Builder(config);
	}

	/**
	 * Creates the database, if auto-creation is on and it has not been created yet, with
	 * {@code CREATE DATABASE IF NOT EXISTS} and the server's default options. A failure
	 * is logged as part of an outage, never thrown; the next push tries again.
	 */
	public void createDatabaseIfMissing() {
		createDatabase();
	}

	/** Whether the database is there as far as is known, or needs no creating. */
	private boolean createDatabase() {
		if (!this.config.autoCreateDb() || this.databaseCreated) {
			return true;
		}
		try {
			CnosTemplate template = this.target.obtain();
			template.createDatabase(template.getDatabase(), DatabaseOptions.defaults().ifNotExists());
			this.databaseCreated = true;
			return true;
		}
		catch (RuntimeException ex) {
			this.failures.databaseNotCreated(this.config.database(), ex);
			return false;
		}
	}

	@Override
	protected void publish() {
		registerFailuresMeter();
		boolean failed = !createDatabase();
		long time = this.clock.wallTime();
		NamingConvention convention = config().namingConvention();
		for (List<Meter> batch : MeterPartition.partition(this, this.config.batchSize())) {
			failed |= !push(batch, convention, time);
		}
		if (!failed) {
			this.failures.stepPushed();
		}
	}

	/**
	 * Registers the failures counter once meter filters are in place: a registry
	 * configured by Spring Boot gets its filters after it is built, and a meter
	 * registered before them would be warned about.
	 */
	private void registerFailuresMeter() {
		if (this.failedPushes == null) {
			this.failedPushes = Counter.builder(FAILURES_METER)
				.description("Write requests of the metrics export to CnosDB that failed")
				.register(this);
		}
	}

	private void pushFailed(RuntimeException ex) {
		Counter counter = this.failedPushes;
		if (counter != null) {
			counter.increment();
		}
		this.failures.pushFailed(ex);
	}

	/** Writes one batch in one request; whether it was written (or had nothing to). */
	private boolean push(List<Meter> batch, NamingConvention convention, long time) {
		try {
			CnosTemplate template = this.target.obtain();
			CnosPrecision precision = template.getWritePrecision();
			LineProtocolEncoder encoder = encoder(precision);
			LineProtocolBuffer buffer = new LineProtocolBuffer(batch.size() * BYTES_PER_METER);
			int encoded = 0;
			for (Meter meter : batch) {
				if (encode(meter, convention, time, encoder, buffer)) {
					encoded++;
				}
			}
			if (encoded > 0) {
				template.sendLineProtocol(buffer.array(), buffer.size(), precision, "pushing " + encoded + " meter(s)");
				this.databaseCreated = true;
			}
			return true;
		}
		catch (RuntimeException ex) {
			if (ex instanceof CnosObjectNotFoundException) {
				// The database was dropped: create it again before the next push.
				this.databaseCreated = false;
			}
			pushFailed(ex);
			return false;
		}
	}

	/**
	 * The encoder of the template's precision, kept so that its cache of escaped names
	 * serves every push.
	 */
	private LineProtocolEncoder encoder(CnosPrecision precision) {
		LineProtocolEncoder encoder = this.encoder;
		if (encoder == null || encoder.precision() != precision) {
			encoder = new LineProtocolEncoder(precision);
			this.encoder = encoder;
		}
		return encoder;
	}

	private boolean encode(Meter meter, NamingConvention convention, long time, LineProtocolEncoder encoder,
			LineProtocolBuffer buffer) {
		try {
			Point point = this.points.toPoint(meter, convention, time);
			if (point == null) {
				return false;
			}
			encoder.encode(point, buffer);
			return true;
		}
		catch (RuntimeException ex) {
			// A refused point leaves the buffer as it was.
			this.failures.meterRefused(meter.getId().getName(), ex);
			return false;
		}
	}

	@Override
	protected TimeUnit getBaseTimeUnit() {
		return TimeUnit.MILLISECONDS;
	}

	/**
	 * Builds a {@link CnosDbMeterRegistry}; it starts pushing, if enabled, when built.
	 */
	public static final class Builder {

		private final CnosDbRegistryConfig config;

		private Clock clock = Clock.SYSTEM;

		private ThreadFactory threadFactory = DEFAULT_THREAD_FACTORY;

		private @Nullable Supplier<? extends CnosTemplate> template;

		Builder(CnosDbRegistryConfig config) {
			Assert.notNull(config, "Config must not be null");
			this.config = config;
		}

		/**
		 * The template to write through; the registry writes to the configured database
		 * in its tenant, through its HTTP client.
		 */
		public Builder template(CnosTemplate template) {
			Assert.notNull(template, "Template must not be null");
			this.template = () -> template;
			return this;
		}

		/**
		 * The template to write through, asked for once, when the registry first needs it
		 * (to create the database or push), for a template that is not built yet when the
		 * registry is.
		 */
		public Builder template(Supplier<? extends CnosTemplate> template) {
			Assert.notNull(template, "Template supplier must not be null");
			this.template = template;
			return this;
		}

		/**
		 * The clock of the meters and of the points' time; the system clock by default.
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "Clock must not be null");
			this.clock = clock;
			return this;
		}

		/** The factory of the thread that pushes. */
		public Builder threadFactory(ThreadFactory threadFactory) {
			Assert.notNull(threadFactory, "Thread factory must not be null");
			this.threadFactory = threadFactory;
			return this;
		}

		/**
		 * Builds the registry and starts it.
		 * @throws IllegalStateException if no template was given
		 * @throws IllegalArgumentException if the database name, step or batch size
		 * cannot work, naming the value and the rule
		 */
		public CnosDbMeterRegistry build() {
			Assert.state(this.template != null, "A template to write through is required");
			return new CnosDbMeterRegistry(this.config, this.clock, this.template, this.threadFactory);
		}

	}

}
