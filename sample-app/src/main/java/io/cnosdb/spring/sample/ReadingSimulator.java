package io.cnosdb.spring.sample;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.cnosdb.spring.core.batch.CnosBatchWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Streams a reading per station and tick through the {@link CnosBatchWriter}, which sends
 * them in batches in the background. On with {@code sample.simulator.enabled=true} (the
 * {@code simulator} profile, which also sets {@code cnosdb.write.batch.enabled=true}).
 */
@Component
@EnableScheduling
@ConditionalOnBooleanProperty("sample.simulator.enabled")
class ReadingSimulator {

	private static final Log logger = LogFactory.getLog(ReadingSimulator.class);

	private final CnosBatchWriter writer;

	private final AirSchema schema;

	private final Map<String, double[]> state = new LinkedHashMap<>();

	ReadingSimulator(ObjectProvider<CnosBatchWriter> writer, AirSchema schema,
			@Value("${sample.simulator.stations}") List<String> stations) {
		// Without the writer the startup stops; SimulatorFailureAnalyzer says which
		// property to set.
		this.writer = writer.getIfAvailable(() -> {
			throw new SimulatorWithoutBatchWriterException();
		});
		this.schema = schema;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (String station : stations) {
			if (!ReadingsController.STATION.matcher(station).matches()) {
				throw new IllegalStateException("sample.simulator.stations holds '" + station
						+ "', which is not a station name: use letters, digits, '_' or '-'");
			}
			// visibility, temperature, pressure
			this.state.put(station, new double[] { random.nextDouble(40, 80), random.nextDouble(10, 25),
					random.nextDouble(990, 1030) });
		}
	}

	@Scheduled(fixedRateString = "${sample.simulator.interval:1s}")
	void tick() {
		try {
			// Writes into a missing database would be refused batch by batch: create it
			// first.
			this.schema.ensureCreated();
		}
		catch (DataAccessException ex) {
			logger.debug("Simulator waits for CnosDB: " + ex.getMessage());
			return;
		}
		Instant now = Instant.now();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.state.forEach((station, values) -> {
			values[0] = clamp(values[0] + random.nextGaussian() * 1.5, 0, 100);
			values[1] = clamp(values[1] + random.nextGaussian() * 0.3, -20, 45);
			values[2] = clamp(values[2] + random.nextGaussian() * 0.5, 950, 1050);
			this.writer.writeObject(new Reading(now, station, round(values[0]), round(values[1]), round(values[2])));
		});
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
