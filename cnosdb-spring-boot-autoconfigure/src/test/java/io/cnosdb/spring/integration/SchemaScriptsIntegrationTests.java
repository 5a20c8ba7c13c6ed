package io.cnosdb.spring.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cnosdb.spring.autoconfigure.schema.CnosDbScriptDatabaseInitializer;
import io.cnosdb.spring.autoconfigure.schema.CnosDbScriptStatementFailedException;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbContextRunners;
import io.cnosdb.spring.testsupport.CnosDbServer;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema scripts and default tags against a real CnosDB (the server named by
 * {@code CNOSDB_URL}, or the {@code cnosdb/cnosdb} image where Docker answers; skipped,
 * with the reason on the console, with neither): a script creates a database, a table and
 * a stream table, which then exist; running it again changes nothing; a statement the
 * server refuses stops startup with the server's answer; default tags reach the stored
 * rows.
 */
class SchemaScriptsIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private final String database = CnosDbServer.uniqueName("schema_scripts");

	@AfterEach
	void dropDatabase() {
		cnosdb.template().dropDatabaseIfExists(this.database);
	}

	private ApplicationContextRunner runner(String... locations) {
		return CnosDbContextRunners.application()
			.withPropertyValues(cnosdb.properties())
			.withPropertyValues("cnosdb.database=" + this.database,
					"cnosdb.schema.locations=" + String.join(",", locations));
	}

	@Test
	void aScriptCreatesADatabaseATableAndAStreamTable() {
		assertThat(cnosdb.template().listDatabases()).doesNotContain(this.database);
		runner("classpath:cnosdb-schema/integration.sql").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CnosDbScriptDatabaseInitializer.class).isInitialized()).isTrue();
			CnosTemplate template = context.getBean(CnosTemplate.class);
			assertThat(template.listDatabases()).contains(this.database);
			assertThat(template.listTables()).contains("air", "air_stream");
			assertThat(template.describeTable("air")).extracting(TableColumn::name)
				.containsExactlyInAnyOrder("time", "station", "visibility", "temperature", "pressure");
			assertThat(template.describeTable("air_stream")).extracting(TableColumn::name)
				.containsExactly("time", "station", "temperature");
		});
	}

	@Test
	void runningTheScriptAgainChangesNothing() {
		runner("classpath:cnosdb-schema/integration.sql").run((context) -> assertThat(context).hasNotFailed());
		runner("classpath:cnosdb-schema/integration.sql").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CnosTemplate.class).listTables()).containsExactlyInAnyOrder("air", "air_stream");
		});
	}

	@Test
	void aStatementTheServerRefusesStopsStartupWithItsAnswer() {
		runner("classpath:cnosdb-schema/integration.sql", "classpath:cnosdb-schema/integration-again.sql")
			.run((context) -> {
				assertThat(context).hasFailed();
				CnosDbScriptStatementFailedException failure = findCause(context.getStartupFailure());
				assertThat(failure.getScript()).isEqualTo("class path resource [cnosdb-schema/integration-again.sql]");
				assertThat(failure.getStatementNumber()).isOne();
				assertThat(failure.getLine()).isEqualTo(2);
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("CREATE TABLE air (visibility DOUBLE, TAGS(station))")
					.contains("CnosDB answered: 030020")
					.contains("already exists");
			});
		// The first script ran before the second one failed.
		assertThat(cnosdb.template().withDatabase(this.database).listTables()).contains("air", "air_stream");
	}

	@Test
	void defaultTagsReachTheStoredRows() {
		runner("classpath:cnosdb-schema/integration.sql")
			.withPropertyValues("cnosdb.write.default-tags.station=XiaoMaiDao", "cnosdb.write.default-tags.host=node 1")
			.run((context) -> {
				CnosTemplate template = context.getBean(CnosTemplate.class);
				long now = System.currentTimeMillis();
				template.write(Point.measurement("air").field("temperature", 20.5).time(now, CnosPrecision.MS),
						Point.measurement("air")
							.tag("station", "DaLian")
							.field("temperature", 11.0)
							.time(now + 1, CnosPrecision.MS));
				template.writeLines(List.of("air,station=LianYunGang temperature=15.0 " + (now + 2) + "000000"));
				List<Map<String, Object>> rows = template
					.queryForList("SELECT station, host, temperature FROM air ORDER BY time");
				assertThat(rows).containsExactly(row("XiaoMaiDao", "node 1", "20.5"), row("DaLian", "node 1", "11.0"),
						row("LianYunGang", null, "15.0"));
			});
	}

	private static Map<String, Object> row(String station, String host, String temperature) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("station", station);
		row.put("host", host);
		row.put("temperature", temperature);
		return row;
	}

	private static CnosDbScriptStatementFailedException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CnosDbScriptStatementFailedException found) {
				return found;
			}
		}
		throw new AssertionError("No CnosDbScriptStatementFailedException in " + failure);
	}

	/** The report Spring Boot prints: the first analysis of its failure analyzers. */
	private static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new StandardEnvironment()),
					FailureHandler.handleMessage((message, ex) -> {
					}));
		AnnotationAwareOrderComparator.sort(analyzers);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis of " + failure);
	}

}
