package io.cnosdb.spring.benchmarks.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.LineProtocolRowWriter;

/**
 * Before anything is timed: every contender's lines must decode to the same points as
 * ours. A contender that wrote different data would be measured doing something else.
 */
public final class EncodeCorrectnessGate {

	private static final int POINTS = 2_000;

	private EncodeCorrectnessGate() {
	}

	public static void check(EncodeDataset.Variant variant) {
		EncodeDataset data = new EncodeDataset(variant, POINTS);
		String ours = ours(data);
		List<DecodedPoint> expected = decode(ours);
		// Not only the same points: the row writer must write the very bytes of the
		// encoder.
		String rows = oursRows(data);
		if (!rows.equals(ours)) {
			throw new IllegalStateException("ours row writer wrote other bytes than the encoder in variant " + variant);
		}
		compare(variant, "influxdb-client-java", expected, decode(influxClient(data)));
		compare(variant, "influxdb-java", expected, decode(influxJava(data)));
		compare(variant, "questdb-client", expected, decode(questDb(data)));
		if (variant == EncodeDataset.Variant.PLAIN) {
			compare(variant, "baseline", expected, decode(baseline(data)));
		}
	}

	private static void compare(EncodeDataset.Variant variant, String contender, List<DecodedPoint> expected,
			List<DecodedPoint> actual) {
		if (actual.size() != expected.size()) {
			throw new IllegalStateException(contender + " wrote " + actual.size() + " points for " + expected.size()
					+ " in variant " + variant);
		}
		for (int i = 0; i < expected.size(); i++) {
			if (!expected.get(i).equals(actual.get(i))) {
				throw new IllegalStateException(contender + " differs from ours at point " + i + " of variant "
						+ variant + ":\n  ours:   " + expected.get(i) + "\n  theirs: " + actual.get(i));
			}
		}
	}

	private static List<DecodedPoint> decode(String text) {
		List<DecodedPoint> points = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isEmpty()) {
				points.add(DecodedPoint.parse(line));
			}
		}
		return points;
	}

	private static String ours(EncodeDataset data) {
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		for (int i = 0; i < data.size(); i++) {
			encoder.encode(Encoders.ourPoint(data, i), buffer);
		}
		return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
	}

	private static String oursRows(EncodeDataset data) {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		LineProtocolRowWriter writer = new LineProtocolRowWriter(new LineProtocolEncoder(), buffer);
		for (int i = 0; i < data.size(); i++) {
			Encoders.oursRow(writer, data, i);
		}
		return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
	}

	private static String influxClient(EncodeDataset data) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < data.size(); i++) {
			out.append(Encoders.influxClientPoint(data, i).toLineProtocol()).append('\n');
		}
		return out.toString();
	}

	private static String influxJava(EncodeDataset data) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < data.size(); i++) {
			out.append(Encoders.influxJavaPoint(data, i).lineProtocol()).append('\n');
		}
		return out.toString();
	}

	private static String baseline(EncodeDataset data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < data.size(); i++) {
			Encoders.baseline(out, data, i);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * QuestDB's sender keeps its buffer to itself, so its flush is caught by a loopback
	 * sink.
	 */
	private static String questDb(EncodeDataset data) {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		HttpServer sink;
		try {
			sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		sink.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				synchronized (received) {
					body.transferTo(received);
				}
			}
			exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 204 : 404, -1);
			exchange.close();
		});
		sink.start();
		try (io.questdb.client.Sender sender = io.questdb.client.Sender.fromConfig(
				"http::addr=127.0.0.1:" + sink.getAddress().getPort() + ";protocol_version=1;auto_flush=off;")) {
			for (int i = 0; i < data.size(); i++) {
				Encoders.questDb(sender, data, i);
			}
			sender.flush();
		}
		finally {
			sink.stop(0);
		}
		synchronized (received) {
			return received.toString(StandardCharsets.UTF_8);
		}
	}

}
