package io.cnosdb.spring.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;

/**
 * Maps a meter to one {@link Point}, as Micrometer's InfluxDB registry maps it to a line:
 * the meter's name (after the naming convention) is the measurement, its tags are tags,
 * plus a {@code metric_type} tag, and its statistics are DOUBLE fields:
 * <ul>
 * <li>counters and function counters: {@code value} (the count of the step), type
 * {@code counter};</li>
 * <li>gauges and time gauges: {@code value}, type {@code gauge};</li>
 * <li>timers and distribution summaries: {@code sum}, {@code count}, {@code mean} and
 * {@code upper} (the maximum), type {@code histogram};</li>
 * <li>function timers: {@code sum}, {@code count}, {@code mean}, type
 * {@code histogram};</li>
 * <li>long task timers: {@code active_tasks} and {@code duration}, type
 * {@code long_task_timer};</li>
 * <li>other meters: one field per statistic, named as Micrometer names it in tags
 * ({@code value}, {@code count}, {@code total}, {@code max}, {@code active},
 * {@code duration}, {@code unknown}; the first finite one where two share a name), type
 * the meter's type in lower case.</li>
 * </ul>
 * Times are in the registry's base time unit. Tags with a blank value are left out
 * (CnosDB has no empty tag), and so are NaN and infinite values; a meter left without a
 * value has no point. Names and values are checked and escaped by the line-protocol
 * encoder, never here.
 */
final class MeterPoints {

	static final String METRIC_TYPE = "metric_type";

	private final TimeUnit baseTimeUnit;

	MeterPoints(TimeUnit baseTimeUnit) {
		this.baseTimeUnit = baseTimeUnit;
	}

	/**
	 * The point of a meter at the given time, or {@code null} for a meter without a
	 * finite value.
	 * @throws IllegalArgumentException if the point would have one key twice, such as a
	 * tag named like a field or {@code metric_type}
	 */
	@Nullable Point toPoint(Meter meter, NamingConvention convention, long epochMillis) {
		Fields fields = meter.match((gauge) -> new Fields("gauge").add("value", gauge.value()),
				(counter) -> new Fields("counter").add("value", counter.count()), this::timer, this::summary,
				this::longTaskTimer,
				(timeGauge) -> new Fields("gauge").add("value", timeGauge.value(this.baseTimeUnit)),
				(counter) -> new Fields("counter").add("value", counter.count()), this::functionTimer, this::other);
		if (fields.values.isEmpty()) {
			return null;
		}
		Meter.Id id = meter.getId();
		Point point = Point.measurement(id.getConventionName(convention));
		for (Tag tag : id.getConventionTags(convention)) {
			if (!tag.getValue().isBlank()) {
				point.tag(tag.getKey(), tag.getValue());
			}
		}
		point.tag(METRIC_TYPE, fields.type);
		fields.values.forEach((key, value) -> point.field(key, value.doubleValue()));
		return point.time(epochMillis, CnosPrecision.MS);
	}

	private Fields timer(Timer timer) {
		return new Fields("histogram").add("sum", timer.totalTime(this.baseTimeUnit))
			.add("count", timer.count())
			.add("mean", timer.mean(this.baseTimeUnit))
			.add("upper", timer.max(this.baseTimeUnit));
	}

	private Fields summary(DistributionSummary summary) {
		return new Fields("histogram").add("sum", summary.totalAmount())
			.add("count", summary.count())
			.add("mean", summary.mean())
			.add("upper", summary.max());
	}

	private Fields functionTimer(FunctionTimer timer) {
		return new Fields("histogram").add("sum", timer.totalTime(this.baseTimeUnit))
			.add("count", timer.count())
			.add("mean", timer.mean(this.baseTimeUnit));
	}

	private Fields longTaskTimer(LongTaskTimer timer) {
		return new Fields("long_task_timer").add("active_tasks", timer.activeTasks())
			.add("duration", timer.duration(this.baseTimeUnit));
	}

	private Fields other(Meter meter) {
		Fields fields = new Fields(meter.getId().getType().name().toLowerCase(Locale.ROOT));
		for (Measurement measurement : meter.measure()) {
			fields.add(measurement.getStatistic().getTagValueRepresentation(), measurement.getValue());
		}
		return fields;
	}

	/** The metric type and the finite values of a meter, in order, each key once. */
	private static final class Fields {

		private final String type;

		private final Map<String, Double> values = new LinkedHashMap<>();

		Fields(String type) {
			this.type = type;
		}

		Fields add(String key, double value) {
			if (Double.isFinite(value)) {
				this.values.putIfAbsent(key, value);
			}
			return this;
		}

	}

}
