package io.cnosdb.spring.benchmarks.write;

import com.influxdb.client.domain.WritePrecision;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.Point;

/** Builds point {@code i} of the dataset in each library's own point type. */
public final class Points {

	private Points() {
	}

	public static Point ours(WriteDataset data, int i) {
		return Point.measurement(WriteDataset.MEASUREMENT)
			.tag("host", data.host(i))
			.tag("region", data.region(i))
			.field("usage_user", data.usageUser[i])
			.field("usage_system", data.usageSystem[i])
			.field("count", data.counts[i])
			.time(data.timestamp(i), CnosPrecision.NS);
	}

	/**
	 * Ours without a {@code Point}: the row written straight into the writer's buffer,
	 * whether a template's {@link io.cnosdb.spring.core.CnosRowWriter} or a batch writer
	 * started it.
	 * @param row the row, started with {@code row(WriteDataset.MEASUREMENT)}
	 */
	public static void oursRow(LineProtocolRowWriter.Row row, WriteDataset data, int i) {
		row.tag("host", data.host(i))
			.tag("region", data.region(i))
			.field("usage_user", data.usageUser[i])
			.field("usage_system", data.usageSystem[i])
			.field("count", data.counts[i])
			.at(data.timestamp(i), CnosPrecision.NS);
	}

	static com.influxdb.client.write.Point influx(WriteDataset data, int i) {
		return com.influxdb.client.write.Point.measurement(WriteDataset.MEASUREMENT)
			.addTag("host", data.host(i))
			.addTag("region", data.region(i))
			.addField("usage_user", data.usageUser[i])
			.addField("usage_system", data.usageSystem[i])
			.addField("count", data.counts[i])
			.time(data.timestamp(i), WritePrecision.NS);
	}

	static void questDb(io.questdb.client.Sender sender, WriteDataset data, int i) {
		sender.table(WriteDataset.MEASUREMENT)
			.symbol("host", data.host(i))
			.symbol("region", data.region(i))
			.doubleColumn("usage_user", data.usageUser[i])
			.doubleColumn("usage_system", data.usageSystem[i])
			.longColumn("count", data.counts[i])
			.at(data.timestamp(i), java.time.temporal.ChronoUnit.NANOS);
	}

}
