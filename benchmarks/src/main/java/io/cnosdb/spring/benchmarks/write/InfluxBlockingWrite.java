package io.cnosdb.spring.benchmarks.write;

import java.util.ArrayList;
import java.util.List;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.write.Point;

/**
 * influxdb-client-java's {@link WriteApiBlocking}: one request per batch of points, over
 * its OkHttp, as it comes or with {@code TCP_NODELAY}.
 */
final class InfluxBlockingWrite implements WriteContender {

	private final InfluxDBClient client;

	private final int batchSize;

	private final boolean noDelay;

	InfluxBlockingWrite(String url, int batchSize, boolean noDelay) {
		this.client = InfluxClients.create(url, noDelay);
		this.batchSize = batchSize;
		this.noDelay = noDelay;
	}

	@Override
	public Threading threading() {
		return Threading.SINGLE;
	}

	@Override
	public String name() {
		return "influx WriteApiBlocking(" + this.batchSize + ")" + (this.noDelay ? " nodelay" : "");
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		WriteApiBlocking api = this.client.getWriteApiBlocking();
		for (int start = from; start < to; start += this.batchSize) {
			int end = Math.min(to, start + this.batchSize);
			List<Point> points = new ArrayList<>(end - start);
			for (int i = start; i < end; i++) {
				points.add(Points.influx(data, i));
			}
			api.writePoints(points);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}
