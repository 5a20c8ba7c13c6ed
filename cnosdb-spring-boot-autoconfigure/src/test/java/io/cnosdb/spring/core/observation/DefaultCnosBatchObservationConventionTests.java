package io.cnosdb.spring.core.observation;

import java.util.Map;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;

import static io.cnosdb.spring.core.observation.DefaultCnosObservationConventionTests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys, names and contextual name of {@link DefaultCnosBatchObservationConvention}.
 */
class DefaultCnosBatchObservationConventionTests {

	private final DefaultCnosBatchObservationConvention convention = new DefaultCnosBatchObservationConvention();

	@Test
	void aBatchIsABatchWriteWithItsPointsBytesAndAttempts() {
		CnosBatchObservationContext context = new CnosBatchObservationContext("ocean", "cnosdb", 500, 40_000);
		context.setAttempts(3);
		assertThat(this.convention.getName()).isEqualTo("cnosdb.client.batches");
		assertThat(this.convention.getContextualName(context)).isEqualTo("BATCH write cnosdb|ocean");
		assertThat(map(this.convention.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("db.system.name", "cnosdb", "db.operation.name", "BATCH write",
					"db.namespace", "cnosdb|ocean", "error.type", "none", "db.response.status_code", "none"));
		assertThat(map(this.convention.getHighCardinalityKeyValues(context))).containsExactlyInAnyOrderEntriesOf(
				Map.of("cnosdb.batch.points", "500", "cnosdb.batch.bytes", "40000", "cnosdb.batch.attempts", "3"));
	}

	@Test
	void aFailedBatchHasItsLastError() {
		CnosBatchObservationContext context = new CnosBatchObservationContext("ocean", "cnosdb", 1, 10);
		context.setError(new CnosInvalidLineProtocolException("writing",
				new CnosErrorResponse(422, "040004", "Invalid line protocol")));
		assertThat(map(this.convention.getLowCardinalityKeyValues(context)))
			.containsEntry("error.type", CnosInvalidLineProtocolException.class.getName())
			.containsEntry("db.response.status_code", "040004");
	}

	@Test
	void theDocumentedKeysAreTheKeysItGives() {
		CnosBatchObservationContext context = new CnosBatchObservationContext("ocean", "cnosdb", 1, 10);
		assertThat(this.convention.getLowCardinalityKeyValues(context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrder(
					java.util.Arrays.stream(CnosObservationDocumentation.BATCH.getLowCardinalityKeyNames())
						.map((key) -> key.asString())
						.toArray(String[]::new));
		assertThat(this.convention.getHighCardinalityKeyValues(context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrder(
					java.util.Arrays.stream(CnosObservationDocumentation.BATCH.getHighCardinalityKeyNames())
						.map((key) -> key.asString())
						.toArray(String[]::new));
	}

}
