package io.cnosdb.spring.core.exception;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CnosDB's {@code error_code} chooses the exception; the status only when there is no
 * code.
 */
class DefaultCnosExceptionTranslatorTests {

	private final DefaultCnosExceptionTranslator translator = new DefaultCnosExceptionTranslator();

	@ParameterizedTest
	@CsvSource({ "010016, 422, CnosPermissionDeniedException", "010004, 422, CnosPermissionDeniedException",
			"030008, 422, CnosObjectNotFoundException", "030010, 422, CnosObjectNotFoundException",
			"030017, 422, CnosObjectNotFoundException", "030019, 422, CnosObjectNotFoundException",
			"010062, 422, CnosObjectNotFoundException", "030007, 422, CnosDataIntegrityViolationException",
			"030018, 422, CnosDataIntegrityViolationException", "030020, 422, CnosDataIntegrityViolationException",
			"030024, 422, CnosTransientException", "010012, 422, CnosTransientException",
			"010014, 422, CnosTransientException", "010015, 422, CnosTransientException",
			"050033, 422, CnosTransientException", "050016, 422, CnosTransientException",
			"040004, 422, CnosInvalidLineProtocolException", "020002, 422, CnosInvalidLineProtocolException",
			"000000, 400, CnosInvalidRequestException", "040005, 400, CnosInvalidRequestException",
			"040006, 400, CnosInvalidRequestException", "040013, 400, CnosInvalidRequestException",
			"040015, 422, CnosInvalidRequestException", "010009, 422, CnosBadSqlException",
			"010013, 422, CnosBadSqlException", "010001, 422, CnosBadSqlException", "010002, 422, CnosBadSqlException",
			"010003, 422, CnosBadSqlException", "010028, 422, CnosBadSqlException", "010074, 422, CnosBadSqlException",
			"040007, 422, CnosInvalidRequestException", "040014, 422, CnosInvalidRequestException",
			"040016, 422, CnosInvalidRequestException" })
	void codeChoosesTheException(String code, int status, String exceptionClass) {
		DataAccessException ex = translate(status, code, "message of " + code);
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionClass);
		CnosServerFailure failure = (CnosServerFailure) ex;
		assertThat(failure.getErrorCode()).isEqualTo(code);
		assertThat(failure.getStatusCode()).isEqualTo(status);
		assertThat(failure.getServerMessage()).isEqualTo("message of " + code);
	}

	@ParameterizedTest
	@CsvSource({ "400, CnosInvalidRequestException", "404, CnosResourceFailureException",
			"405, CnosInvalidRequestException", "411, CnosInvalidRequestException", "413, CnosInvalidRequestException",
			"429, CnosTransientException", "500, CnosUncategorizedException", "502, CnosTransientException",
			"503, CnosTransientException", "504, CnosTransientException", "422, CnosUncategorizedException" })
	void statusChoosesWithoutACode(int status, String exceptionClass) {
		DataAccessException ex = translate(status, null, "");
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionClass);
		assertThat(((CnosServerFailure) ex).getErrorCode()).isNull();
		assertThat(ex.getMessage()).contains("HTTP " + status, "(no error body)");
	}

	@Test
	void aNodeNoLongerTheLeaderIsTransientAndOtherRemoteErrorsAreNot() {
		// What a CnosDB 2.4.2 cluster answered while leadership moved after a data node
		// was killed.
		DataAccessException leaderMoved = translate(422, "050019",
				"grpc client request error: The Operation Can only Exec in Leader ReplicationSet { id: 36, "
						+ "leader_node_id: 2001, leader_vnode_id: 37, vnodes: [VnodeInfo { id: 37, node_id: 2001, "
						+ "status: Running }, VnodeInfo { id: 38, node_id: 3001, status: Running }] }");
		assertThat(leaderMoved).isInstanceOf(CnosTransientException.class);
		assertThat(DefaultCnosExceptionTranslator.isTransient(leaderMoved)).isTrue();
		assertThat(translate(422, "050026", "The Operation Can only Exec in Leader ReplicationSet { id: 36 }"))
			.isInstanceOf(CnosTransientException.class);
		// 050019 carries whatever the other node said: not transient in general.
		assertThat(translate(422, "050019", "grpc client request error: DataSchemaError"))
			.isInstanceOf(CnosUncategorizedException.class);
	}

	@Test
	void unknownCodeOutsideTheQueryEngineFallsBackToTheStatus() {
		assertThat(translate(422, "050014", "timestamp overflow")).isInstanceOf(CnosUncategorizedException.class);
		// Answers of CnosDB 2.4.2 to a field written with another type and to a point
		// past the TTL.
		assertThat(translate(422, "050014",
				"Apply engine failed: DataSchemaError: Column 'v' type error, found F64 expected I64"))
			.isInstanceOf(CnosDataIntegrityViolationException.class);
		// The same two failures as CnosDB 2.3.5 answers them.
		assertThat(translate(422, "020004", "DataSchemaError: unrecognized field type v"))
			.isInstanceOf(CnosDataIntegrityViolationException.class);
		assertThat(translate(422, "050014", "write expired time data not permit"))
			.isInstanceOf(CnosDataIntegrityViolationException.class);
		assertThat(translate(422, "030034", "Operation not support: create expired bucket"))
			.isInstanceOf(CnosDataIntegrityViolationException.class);
		assertThat(translate(422, "010001",
				"Datafusion: Error during planning: Table not found, tenant: cnosdb db: public, table: missing"))
			.isInstanceOf(CnosObjectNotFoundException.class);
		assertThat(translate(422, "010001", "Datafusion: Error during planning: Invalid function 'isnan'."))
			.isInstanceOf(CnosBadSqlException.class);
		assertThat(translate(422, "030034", "Operation not support: rename user expired_user"))
			.isInstanceOf(CnosBadSqlException.class);
		assertThat(translate(400, "040010", "bad opentsdb")).isInstanceOf(CnosInvalidRequestException.class);
		assertThat(translate(503, "059999", "busy")).isInstanceOf(CnosTransientException.class);
	}

	@Test
	void anEngineFailureWhileSendingRowsIsAboutTheStatement() {
		// As appended to a streamed answer (HTTP 200) after the rows sent before it.
		assertThat(translate(200, "040007",
				"Fetch result: Arrow: Cast error: Cannot cast string 'x' to value of Int64 type"))
			.isInstanceOf(CnosBadSqlException.class);
		assertThat(translate(422, "040007", "Fetch result: unsupported format"))
			.isInstanceOf(CnosInvalidRequestException.class);
	}

	@Test
	void exceptionsSitInSpringsHierarchy() {
		assertThat(translate(422, "010016", "x")).isInstanceOf(PermissionDeniedDataAccessException.class);
		assertThat(translate(422, "030019", "x")).isInstanceOf(InvalidDataAccessResourceUsageException.class);
		assertThat(translate(422, "030018", "x")).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(translate(422, "030024", "x")).isInstanceOf(TransientDataAccessException.class);
		assertThat(translate(422, "010009", "x")).isInstanceOf(InvalidDataAccessResourceUsageException.class);
		assertThat(translate(400, "040005", "x")).isInstanceOf(InvalidDataAccessApiUsageException.class);
		assertThat(translate(404, null, "")).isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	void messageCarriesDescriptionServerMessageCodeAndStatus() {
		DataAccessException ex = this.translator.translate("executing SQL [select 1]",
				new CnosErrorResponse(422, "030019", "Table not found: \"cnosdb.public.air\""));
		assertThat(ex.getMessage()).isEqualTo(
				"executing SQL [select 1]: Table not found: \"cnosdb.public.air\" [error_code 030019, HTTP 422]");
	}

	@Test
	void anUnavailableServerIsTransientWhateverCodeItSends() {
		assertThat(translate(503, "040005", "x")).isInstanceOf(CnosTransientException.class);
		assertThat(translate(502, "010001", "x")).isInstanceOf(CnosTransientException.class);
		assertThat(translate(429, null, "")).isInstanceOf(CnosTransientException.class);
	}

	@Test
	void oneRuleForWhatIsTransient() {
		assertThat(DefaultCnosExceptionTranslator.isTransient(translate(422, "050033", "Memory Exhausted Retry Later")))
			.isTrue();
		assertThat(DefaultCnosExceptionTranslator.isTransient(translate(503, null, ""))).isTrue();
		assertThat(DefaultCnosExceptionTranslator.isTransient(new QueryTimeoutException("slow"))).isTrue();
		assertThat(DefaultCnosExceptionTranslator.isTransient(new DataAccessResourceFailureException("refused")))
			.as("a connection that never reached the server")
			.isTrue();
		assertThat(DefaultCnosExceptionTranslator.isTransient(translate(500, null, "")))
			.as("an empty 500, CnosDB's answer to a request it cannot read")
			.isFalse();
		assertThat(DefaultCnosExceptionTranslator.isTransient(translate(404, null, ""))).isFalse();
		assertThat(DefaultCnosExceptionTranslator.isTransient(translate(422, "040004", "x"))).isFalse();
	}

	private DataAccessException translate(int status, String code, String message) {
		return this.translator.translate("doing it", new CnosErrorResponse(status, code, message));
	}

}
