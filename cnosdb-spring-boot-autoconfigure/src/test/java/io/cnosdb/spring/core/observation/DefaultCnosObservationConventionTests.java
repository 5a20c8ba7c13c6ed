package io.cnosdb.spring.core.observation;

import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.exception.CnosUncategorizedException;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys, names and contextual names of {@link DefaultCnosObservationConvention} for
 * each kind of request, success and failure, and what a subclass changes.
 */
class DefaultCnosObservationConventionTests {

	private final DefaultCnosObservationConvention convention = new DefaultCnosObservationConvention();

	@Test
	void aStatementHasItsOperationNamespaceAndMaskedText() {
		CnosObservationContext context = CnosObservationContext.statement(
				"select * from air where station = 'XiaoMaiDao' and v > 21.5", "ocean", "acme", "db.example.com", 8902);
		assertThat(this.convention.getName()).isEqualTo("cnosdb.client.operations");
		assertThat(this.convention.getContextualName(context)).isEqualTo("SELECT acme|ocean");
		assertThat(map(this.convention.getLowCardinalityKeyValues(context))).containsExactlyInAnyOrderEntriesOf(Map.of(
				"db.system.name", "cnosdb", "db.operation.name", "SELECT", "db.namespace", "acme|ocean", "error.type",
				"none", "db.response.status_code", "none", "server.address", "db.example.com", "server.port", "8902"));
		assertThat(map(this.convention.getHighCardinalityKeyValues(context)))
			.containsExactlyEntriesOf(Map.of("db.query.text", "select * from air where station = ? and v > ?"));
	}

	@Test
	void aWriteHasItsBytesAndNoText() {
		CnosObservationContext context = CnosObservationContext.write("public", "cnosdb", 1234, "localhost", 8902);
		assertThat(this.convention.getContextualName(context)).isEqualTo("write cnosdb|public");
		assertThat(map(this.convention.getLowCardinalityKeyValues(context))).containsEntry("db.operation.name", "write")
			.containsEntry("db.namespace", "cnosdb|public")
			.containsEntry("error.type", "none");
		assertThat(map(this.convention.getHighCardinalityKeyValues(context)))
			.containsExactlyEntriesOf(Map.of("cnosdb.write.bytes", "1234"));
	}

	@Test
	void aPingAddressesNoNamespace() {
		CnosObservationContext context = CnosObservationContext.ping("localhost", 8902);
		assertThat(this.convention.getContextualName(context)).isEqualTo("ping localhost:8902");
		assertThat(map(this.convention.getLowCardinalityKeyValues(context))).containsEntry("db.operation.name", "ping")
			.containsEntry("db.namespace", "none");
		assertThat(this.convention.getHighCardinalityKeyValues(context)).isEmpty();
	}

	@Test
	void everyRequestHasTheSameLowCardinalityKeys() {
		assertThat(keys(CnosObservationContext.statement("SELECT 1", "public", "cnosdb", "localhost", 8902)))
			.isEqualTo(keys(CnosObservationContext.write("public", "cnosdb", 10, "localhost", 8902)))
			.isEqualTo(keys(CnosObservationContext.ping("localhost", 8902)))
			.containsExactlyInAnyOrder(
					java.util.Arrays.stream(CnosObservationDocumentation.REQUEST.getLowCardinalityKeyNames())
						.map((key) -> key.asString())
						.toArray(String[]::new));
	}

	@Test
	void aRefusalHasTheExceptionAndCnosDbsCode() {
		CnosObservationContext context = CnosObservationContext.statement("SELECT * FROM nowhere", "public", "cnosdb",
				"localhost", 8902);
		context.setError(new CnosBadSqlException("executing SQL",
				new CnosErrorResponse(422, "010001", "Table not found: nowhere")));
		assertThat(map(this.convention.getLowCardinalityKeyValues(context)))
			.containsEntry("error.type", CnosBadSqlException.class.getName())
			.containsEntry("db.response.status_code", "010001");
	}

	@Test
	void anErrorAnswerWithoutACodeHasItsHttpStatus() {
		CnosObservationContext context = CnosObservationContext.write("public", "cnosdb", 10, "localhost", 8902);
		context.setError(new CnosUncategorizedException("writing", new CnosErrorResponse(500, null, "")));
		assertThat(map(this.convention.getLowCardinalityKeyValues(context))).containsEntry("db.response.status_code",
				"500");
	}

	@Test
	void aFailureTheServerDidNotAnswerHasNoStatusCode() {
		CnosObservationContext context = CnosObservationContext.ping("localhost", 8902);
		context.setError(new DataAccessResourceFailureException("Connection refused"));
		assertThat(map(this.convention.getLowCardinalityKeyValues(context)))
			.containsEntry("error.type", DataAccessResourceFailureException.class.getName())
			.containsEntry("db.response.status_code", "none");
	}

	@Test
	void aSubclassChangesOneKeyAndKeepsTheOthers() {
		DefaultCnosObservationConvention tenantless = new DefaultCnosObservationConvention("db.calls") {

			@Override
			protected KeyValue namespace(CnosObservationContext context) {
				return KeyValue.of("db.namespace", String.valueOf(context.getDatabase()));
			}

		};
		CnosObservationContext context = CnosObservationContext.statement("SHOW TABLES", "ocean", "acme", "localhost",
				8902);
		assertThat(tenantless.getName()).isEqualTo("db.calls");
		assertThat(map(tenantless.getLowCardinalityKeyValues(context))).containsEntry("db.namespace", "ocean")
			.containsEntry("db.operation.name", "SHOW")
			.hasSize(7);
	}

	@Test
	void theConventionSupportsOnlyItsContext() {
		assertThat(this.convention.supportsContext(CnosObservationContext.ping("localhost", 8902))).isTrue();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
		assertThat(this.convention.supportsContext(new CnosBatchObservationContext("public", "cnosdb", 1, 10)))
			.isFalse();
	}

	@Test
	void theQueryTextIsMaskedOnceHoweverOftenItIsAsked() {
		CnosObservationContext context = CnosObservationContext.statement("SELECT 'x'", "public", "cnosdb", "localhost",
				8902);
		assertThat(context.getQueryText()).isEqualTo("SELECT ?").isSameAs(context.getQueryText());
	}

	private String[] keys(CnosObservationContext context) {
		return this.convention.getLowCardinalityKeyValues(context)
			.stream()
			.map(KeyValue::getKey)
			.sorted()
			.toArray(String[]::new);
	}

	static Map<String, String> map(KeyValues keyValues) {
		return keyValues.stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
	}

}
