package io.cnosdb.spring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker Compose support follows the Docker daemon unless the application says otherwise.
 */
class DockerComposeSwitchTests {

	private final SpringApplication application = new SpringApplication(SampleApplication.class);

	@Test
	void onWhenTheDaemonAnswers() {
		MockEnvironment environment = new MockEnvironment();
		new DockerComposeSwitch(() -> true).postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty(DockerComposeSwitch.ENABLED, Boolean.class)).isTrue();
	}

	@Test
	void offWithoutADaemon() {
		MockEnvironment environment = new MockEnvironment();
		new DockerComposeSwitch(() -> false).postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty(DockerComposeSwitch.ENABLED, Boolean.class)).isFalse();
	}

	@Test
	void anExplicitSettingWinsAndDockerIsNotAsked() {
		MockEnvironment environment = new MockEnvironment().withProperty(DockerComposeSwitch.ENABLED, "true");
		new DockerComposeSwitch(() -> {
			throw new AssertionError("Docker was asked although the setting is explicit");
		}).postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty(DockerComposeSwitch.ENABLED, Boolean.class)).isTrue();
	}

}
