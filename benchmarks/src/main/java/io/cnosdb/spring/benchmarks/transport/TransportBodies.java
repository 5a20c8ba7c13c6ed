package io.cnosdb.spring.benchmarks.transport;

import java.util.ArrayList;
import java.util.List;

import io.cnosdb.spring.benchmarks.encode.EncodeDataset;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.LineProtocolBuffer;
import io.cnosdb.spring.core.write.LineProtocolEncoder;
import io.cnosdb.spring.core.write.Point;

/**
 * Line-protocol bodies of about a given size, cut at line boundaries from B1's plain
 * points.
 */
final class TransportBodies {

	private static final int POINTS = 150_000;

	private static final int DISTINCT_BODIES = 4;

	private final byte[] lines;

	TransportBodies() {
		EncodeDataset data = new EncodeDataset(EncodeDataset.Variant.PLAIN, POINTS);
		LineProtocolEncoder encoder = new LineProtocolEncoder();
		LineProtocolBuffer buffer = new LineProtocolBuffer(POINTS * 128);
		for (int i = 0; i < POINTS; i++) {
			encoder.encode(Point.measurement(EncodeDataset.MEASUREMENT)
				.tag("host", data.hosts[i])
				.tag("region", data.regions[i])
				.field("usage_user", data.usageUser[i])
				.field("usage_system", data.usageSystem[i])
				.field("count", data.counts[i])
				.time(data.timestamps[i], CnosPrecision.NS), buffer);
		}
		this.lines = buffer.toByteArray();
	}

	/**
	 * A few different bodies of at most {@code size} bytes, each ending at the end of a
	 * line.
	 */
	List<byte[]> of(int size) {
		List<byte[]> bodies = new ArrayList<>();
		int start = 0;
		while (bodies.size() < DISTINCT_BODIES) {
			if (start + size > this.lines.length) {
				if (!bodies.isEmpty()) {
					break;
				}
				throw new IllegalStateException("Not enough lines for a body of " + size + " bytes");
			}
			int end = start + size;
			while (this.lines[end - 1] != '\n') {
				end--;
			}
			byte[] body = new byte[end - start];
			System.arraycopy(this.lines, start, body, 0, body.length);
			bodies.add(body);
			start = end;
		}
		return bodies;
	}

}
