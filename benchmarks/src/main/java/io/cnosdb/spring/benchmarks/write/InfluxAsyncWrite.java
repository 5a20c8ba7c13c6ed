package io.cnosdb.spring.benchmarks.write;

import java.util.concurrent.atomic.AtomicLong;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApi;
import com.influxdb.client.WriteOptions;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;

/**
 * influxdb-client-java's asynchronous {@link WriteApi} fed one point at a time, then
 * closed (which flushes); backpressure events (points dropped) and write errors are
 * counted.
 */
final class InfluxAsyncWrite implements WriteContender {

	private final InfluxDBClient client;

	private final int batchSize;

	private final int bufferLimit;

	private final AtomicLong backpressureEvents = new AtomicLong();

	private final AtomicLong writeErrors = new AtomicLong();

	InfluxAsyncWrite(String url, int batchSize, int bufferLimit) {
		this.client = InfluxClients.create(url, true);
		this.batchSize = batchSize;
		this.bufferLimit = bufferLimit;
	}

	@Override
	public Threading threading() {
		return Threading.PIPELINED;
	}

	@Override
	public String name() {
		return "influx WriteApi async(" + this.batchSize + ") nodelay";
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		WriteOptions options = WriteOptions.builder().batchSize(this.batchSize).bufferLimit(this.bufferLimit).build();
		try (WriteApi api = this.client.makeWriteApi(options)) {
			api.listenEvents(BackpressureEvent.class, (event) -> this.backpressureEvents.incrementAndGet());
			api.listenEvents(WriteErrorEvent.class, (event) -> this.writeErrors.incrementAndGet());
			for (int i = from; i < to; i++) {
				api.writePoint(Points.influx(data, i));
			}
		}
	}

	@Override
	public String notes() {
		return this.backpressureEvents.get() + " backpressure events, " + this.writeErrors.get() + " write errors";
	}

	@Override
	public void close() {
		this.client.close();
	}

}
