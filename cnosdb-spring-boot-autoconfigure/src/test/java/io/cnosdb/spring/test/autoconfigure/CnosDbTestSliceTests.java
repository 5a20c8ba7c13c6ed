package io.cnosdb.spring.test.autoconfigure;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbBatchWriterAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConnectionDetails;
import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.batch.CnosBatchWriter;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.test.autoconfigure.ExampleApplicationConfiguration.ExampleSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code @CnosDbTest} loads: the CnosDB beans, built from the annotation's
 * properties, and the test's own configuration; not the application's components nor any
 * auto-configuration outside the slice. Nothing here talks to a server.
 */
@CnosDbTest(properties = { "cnosdb.url=http://127.0.0.1:9", "cnosdb.database=oceanic_station", "cnosdb.tenant=acme",
		"cnosdb.user=slice_user", "cnosdb.write.batch.enabled=true" })
class CnosDbTestSliceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private CnosTemplate template;

	@Test
	void loadsTheCnosDbBeans() {
		assertThat(this.context.getBeansOfType(CnosHttpClient.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(CnosTemplate.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(CnosClient.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(CnosExceptionTranslator.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(CnosDbConnectionDetails.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(CnosBatchWriter.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(RestClient.Builder.class)).hasSize(1);
	}

	@Test
	void leavesOutTheApplicationsComponentsAndConfiguration() {
		assertThat(this.context.getBeanNamesForType(ExampleCnosDbApplication.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ExampleStationService.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ExampleApplicationConfiguration.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ExampleSettings.class)).isEmpty();
	}

	@Test
	void importsOnlyTheSlicesAutoConfigurations() {
		assertThat(this.context.getBeanNamesForAnnotation(AutoConfiguration.class)).containsExactlyInAnyOrder(
				SslAutoConfiguration.class.getName(), HttpClientAutoConfiguration.class.getName(),
				ImperativeHttpClientAutoConfiguration.class.getName(), RestClientAutoConfiguration.class.getName(),
				CnosDbAutoConfiguration.class.getName(), CnosDbBatchWriterAutoConfiguration.class.getName(),
				ServiceConnectionAutoConfiguration.class.getName());
		assertThat(this.context.getBeanNamesForType(HealthContributor.class)).isEmpty();
	}

	@Test
	void appliesTheAnnotationsProperties() {
		assertThat(this.template.getUrl()).isEqualTo("http://127.0.0.1:9");
		assertThat(this.template.getDatabase()).isEqualTo("oceanic_station");
		assertThat(this.template.getTenant()).isEqualTo("acme");
		assertThat(this.template.getUser()).isEqualTo("slice_user");
	}

	@Test
	void loadsTheTestsOwnConfiguration() {
		assertThat(this.context.getBean(StationNames.class).template()).isSameAs(this.template);
	}

	/** A bean of the test's own, built on the slice's template. */
	record StationNames(CnosTemplate template) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SliceTestConfiguration {

		@Bean
		StationNames stationNames(CnosTemplate template) {
			return new StationNames(template);
		}

	}

}
