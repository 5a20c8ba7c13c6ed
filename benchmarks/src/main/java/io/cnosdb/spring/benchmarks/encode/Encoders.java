package io.cnosdb.spring.benchmarks.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.influxdb.client.domain.WritePrecision;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;
import io.cnosdb.spring.core.write.Point;

/**
 * Each contender's way of turning one point of the dataset into line protocol, written
 * the way each library documents it.
 */
final class Encoders {

	private Encoders() {
	}

	static Point ourPoint(EncodeDataset data, int i) {
		Point point = Point.measurement(EncodeDataset.MEASUREMENT)
			.tag("host", data.hosts[i])
			.tag("region", data.regions[i])
			.field("usage_user", data.usageUser[i])
			.field("usage_system", data.usageSystem[i])
			.field("count", data.counts[i]);
		if (data.hasStringField()) {
			point.field("message", data.messages[i]);
		}
		return point.time(data.timestamps[i], CnosPrecision.NS);
	}

	static void ours(LineProtocolEncoder encoder, Point point, LineProtocolBuffer buffer) {
		encoder.encode(point, buffer);
	}

	/**
	 * Ours without a {@code Point}: the row written straight into the writer's buffer
	 * from the raw values, as QuestDB's sender writes it.
	 */
	static void oursRow(LineProtocolRowWriter writer, EncodeDataset data, int i) {
		LineProtocolRowWriter.Row row = writer.row(EncodeDataset.MEASUREMENT)
			.tag("host", data.hosts[i])
			.tag("region", data.regions[i])
			.field("usage_user", data.usageUser[i])
			.field("usage_system", data.usageSystem[i])
			.field("count", data.counts[i]);
		if (data.hasStringField()) {
			row.field("message", data.messages[i]);
		}
		row.at(data.timestamps[i], CnosPrecision.NS);
	}

	static com.influxdb.client.write.Point influxClientPoint(EncodeDataset data, int i) {
		com.influxdb.client.write.Point point = com.influxdb.client.write.Point.measurement(EncodeDataset.MEASUREMENT)
			.addTag("host", data.hosts[i])
			.addTag("region", data.regions[i])
			.addField("usage_user", data.usageUser[i])
			.addField("usage_system", data.usageSystem[i])
			.addField("count", data.counts[i]);
		if (data.hasStringField()) {
			point.addField("message", data.messages[i]);
		}
		return point.time(data.timestamps[i], WritePrecision.NS);
	}

	static org.influxdb.dto.Point influxJavaPoint(EncodeDataset data, int i) {
		org.influxdb.dto.Point.Builder point = org.influxdb.dto.Point.measurement(EncodeDataset.MEASUREMENT)
			.tag("host", data.hosts[i])
			.tag("region", data.regions[i])
			.addField("usage_user", data.usageUser[i])
			.addField("usage_system", data.usageSystem[i])
			.addField("count", data.counts[i]);
		if (data.hasStringField()) {
			point.addField("message", data.messages[i]);
		}
		return point.time(data.timestamps[i], TimeUnit.NANOSECONDS).build();
	}

	static void questDb(io.questdb.client.Sender sender, EncodeDataset data, int i) {
		sender.table(EncodeDataset.MEASUREMENT)
			.symbol("host", data.hosts[i])
			.symbol("region", data.regions[i])
			.doubleColumn("usage_user", data.usageUser[i])
			.doubleColumn("usage_system", data.usageSystem[i])
			.longColumn("count", data.counts[i]);
		if (data.hasStringField()) {
			sender.stringColumn("message", data.messages[i]);
		}
		sender.at(data.timestamps[i], java.time.temporal.ChronoUnit.NANOS);
	}

	/**
	 * The floor of a text encoder: a reusable byte array and {@code Double.toString},
	 * with no escaping (valid for the plain variant only).
	 */
	static void baseline(ByteArrayOutputStream out, EncodeDataset data, int i) {
		writeAscii(out, EncodeDataset.MEASUREMENT);
		writeAscii(out, ",host=");
		writeAscii(out, data.hosts[i]);
		writeAscii(out, ",region=");
		writeAscii(out, data.regions[i]);
		writeAscii(out, " usage_user=");
		writeAscii(out, Double.toString(data.usageUser[i]));
		writeAscii(out, ",usage_system=");
		writeAscii(out, Double.toString(data.usageSystem[i]));
		writeAscii(out, ",count=");
		writeAscii(out, Long.toString(data.counts[i]));
		out.write('i');
		out.write(' ');
		writeAscii(out, Long.toString(data.timestamps[i]));
		out.write('\n');
	}

	private static void writeAscii(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		out.write(bytes, 0, bytes.length);
	}

}
