package io.cnosdb.spring.test.autoconfigure;

import java.time.Duration;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cnosdb.spring.testsupport.RecordedAnswers.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @CnosDbTest} against a loopback server named through
 * {@code @DynamicPropertySource}, which replays answers recorded from CnosDB: the slice's
 * client, template and an application component the test includes send their statements
 * there and read the answers.
 */
@CnosDbTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ExampleStationService.class))
class CnosDbTestLoopbackTests {

	/** One server for the class's one context, closed after the class. */
	static final MockCnosDb db = new MockCnosDb();

	@Autowired
	private CnosClient client;

	@Autowired
	private CnosTemplate template;

	@Autowired
	private ExampleStationService stations;

	@DynamicPropertySource
	static void cnosdb(DynamicPropertyRegistry registry) {
		registry.add("cnosdb.url", db::url);
	}

	@AfterAll
	static void closeServer() throws Exception {
		db.close();
	}

	@Test
	void clientQueriesTheServerTheDynamicPropertyNames() {
		db.enqueue(recorded("count"));
		assertThat(this.client.sql("select count(*) from air").query(Long.class).single()).isEqualTo(42L);
		RecordedRequest request = db.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/sql");
		assertThat(request.getUrl().queryParameter("db")).isEqualTo("public");
		assertThat(request.getUrl().queryParameter("tenant")).isEqualTo("cnosdb");
		assertThat(request.getBody().utf8()).isEqualTo("select count(*) from air");
	}

	@Test
	void includedComponentUsesTheSlicesClient() {
		db.enqueue(recorded("sample-stations"));
		assertThat(this.stations.stations()).containsExactly("DaLian", "LianYunGang", "XiaoMaiDao");
		assertThat(db.takeBody()).isEqualTo("SELECT DISTINCT station FROM air ORDER BY station");
	}

	@Test
	void templatePingsTheServer() {
		db.enqueue(recorded("ping"));
		assertThat(this.template.ping(Duration.ofSeconds(2)).version()).startsWith("2.4.2");
		assertThat(db.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/ping");
	}

}
