package io.cnosdb.spring.sample;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports the simulator switched on without the batching writer it writes through as what
 * is wrong and which property to set, instead of a stack trace of bean creation.
 * Registered in {@code META-INF/spring.factories}.
 */
class SimulatorFailureAnalyzer extends AbstractFailureAnalyzer<SimulatorWithoutBatchWriterException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SimulatorWithoutBatchWriterException cause) {
		return new FailureAnalysis("The reading simulator is on (sample.simulator.enabled=true), but it streams its "
				+ "readings through the batching writer, and there is none: cnosdb.write.batch.enabled is not true.",
				"Set cnosdb.write.batch.enabled=true as well (the 'simulator' profile sets both), or turn the "
						+ "simulator off with sample.simulator.enabled=false.",
				cause);
	}

}
