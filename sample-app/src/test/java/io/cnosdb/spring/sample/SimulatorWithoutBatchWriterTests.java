package io.cnosdb.spring.sample;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator switched on without the batching writer stops the startup with Spring
 * Boot's failure report, which names both properties, rather than a stack trace of bean
 * creation.
 */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorWithoutBatchWriterTests {

	@Test
	void startupFailsWithAReportNamingBothProperties(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SpringApplication application = new SpringApplication(SampleApplication.class);
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> application.run("--server.port=0", "--cnosdb.url=http://127.0.0.1:" + closedPort,
					"--sample.simulator.enabled=true"))
			.withRootCauseInstanceOf(SimulatorWithoutBatchWriterException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nThe reading simulator is on (sample.simulator.enabled=true)")
			.contains("Action:\n\nSet cnosdb.write.batch.enabled=true as well")
			.doesNotContain("\tat ");
	}

	@Test
	void theAnalysisFindsTheCauseInsideBeanCreation() {
		FailureAnalysis analysis = new SimulatorFailureAnalyzer().analyze(
				new BeanCreationException("readingSimulator", "failed", new SimulatorWithoutBatchWriterException()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("sample.simulator.enabled=true", "cnosdb.write.batch.enabled");
		assertThat(analysis.getAction()).contains("cnosdb.write.batch.enabled=true", "sample.simulator.enabled=false");
	}

}
