package io.cnosdb.spring.sample;

/**
 * The simulator is on but there is no {@code CnosBatchWriter} to stream its readings
 * through; {@link SimulatorFailureAnalyzer} turns it into a startup failure report.
 */
class SimulatorWithoutBatchWriterException extends IllegalStateException {

	SimulatorWithoutBatchWriterException() {
		super("sample.simulator.enabled=true, but there is no CnosBatchWriter: cnosdb.write.batch.enabled is not true");
	}

}
