package io.cnosdb.spring.core.exception;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Chooses the exception from CnosDB's {@code error_code} first and the HTTP status
 * second: the server answers 422 for authentication failures, unknown tables and syntax
 * errors alike, so the status alone says little. The codes below are the ones real CnosDB
 * 2.4.2 and 2.3.5 servers send (the wire tests replay recorded answers).
 * <p>
 * What may pass if sent again is decided here, once: a {@link CnosTransientException} (a
 * {@link org.springframework.dao.TransientDataAccessException}) for rate and concurrency
 * limits, a query server shutting down, exhausted memory and HTTP 502/503/504; see
 * {@link #isTransient(Throwable)}, which the batch writer and CSV import use.
 */
public class DefaultCnosExceptionTranslator implements CnosExceptionTranslator {

	private static final Map<String, BiFunction<String, CnosErrorResponse, DataAccessException>> BY_CODE = new HashMap<>();

	static {
		// Authentication failed; insufficient privileges, or the password must be
		// changed.
		byCode(CnosPermissionDeniedException::new, "010016", "010004");
		// User, tenant, database, table not found; database not found by the planner.
		byCode(CnosObjectNotFoundException::new, "030008", "030010", "030017", "030019", "010062");
		// User, database, table exists; a field written with another type (2.3).
		byCode(CnosDataIntegrityViolationException::new, "030007", "030018", "030020", "020004");
		// Rate limit; concurrent query limit; query canceled; query server closed;
		// memory exhausted, retry later; in a cluster, a data node that could not reach
		// the node leading a replica set ("pre-execution failed: status: Unavailable",
		// which CnosDB builds only from a failed connection or a non-internal gRPC
		// status between nodes, as when that node is down); a node no longer the leader
		// of a replica set ("The Operation Can only Exec in Leader", while leadership
		// moves).
		byCode(CnosTransientException::new, "030024", "010012", "010014", "010015", "050033", "050016", "050026");
		// Line-protocol syntax; a point without fields.
		byCode(CnosInvalidLineProtocolException::new, "040004", "020002");
		// Missing header; invalid header; malformed Basic authentication; a body that
		// cannot be decompressed; a body that is not UTF-8.
		byCode(CnosInvalidRequestException::new, "000000", "040005", "040006", "040013", "040015");
	}

	private static void byCode(BiFunction<String, CnosErrorResponse, DataAccessException> factory, String... codes) {
		for (String code : codes) {
			BY_CODE.put(code, factory);
		}
	}

	/**
	 * Whether a failure may pass if the same request is sent again later: what the
	 * translator made a {@link TransientDataAccessException} (limits, shutdown, exhausted
	 * memory, HTTP 502/503/504, read timeouts), and a connection that failed before the
	 * server was reached (a {@link DataAccessResourceFailureException} that is no answer
	 * of the server's). An answer about the request itself (4xx, other 422s, an empty
	 * 500, which CnosDB sends for requests it cannot read) is not.
	 * @param ex the failure
	 * @return whether sending again may succeed
	 */
	public static boolean isTransient(Throwable ex) {
		return ex instanceof TransientDataAccessException
				|| (ex instanceof DataAccessResourceFailureException && !(ex instanceof CnosServerFailure));
	}

	@Override
	public DataAccessException translate(String description, CnosErrorResponse error) {
		String message = description + ": " + describe(error);
		String code = error.errorCode();
		if (isUnavailable(error.statusCode())) {
			// A proxy or a server that cannot take the request now, whatever its body.
			return new CnosTransientException(message, error);
		}
		if (code != null) {
			DataAccessException byMessage = translateByMessage(code, message, error);
			if (byMessage != null) {
				return byMessage;
			}
			BiFunction<String, CnosErrorResponse, DataAccessException> factory = BY_CODE.get(code);
			if (factory != null) {
				return factory.apply(message, error);
			}
			if (code.startsWith("01")) {
				// Query-engine errors (parser, planner, DataFusion, Arrow casts) are
				// about the statement.
				return new CnosBadSqlException(message, error);
			}
			if (code.startsWith("04")) {
				// HTTP-layer errors: the request could not be read or answered as sent.
				return new CnosInvalidRequestException(message, error);
			}
		}
		return switch (error.statusCode()) {
			case 400, 405, 411, 413 -> new CnosInvalidRequestException(message, error);
			case 404 -> new CnosResourceFailureException(message, error);
			case 429, 502, 503, 504 -> new CnosTransientException(message, error);
			default -> new CnosUncategorizedException(message, error);
		};
	}

	/*
	 * Two codes are shared by unrelated failures, told apart by the message: 050014 wraps
	 * any storage error of the write path ("Apply engine failed: DataSchemaError: Column
	 * 'v' type error, found F64 expected I64" for a field written with another type on
	 * 2.4; "write expired time data not permit" for a point older than the TTL on 2.3),
	 * and 030034 is any unsupported meta operation ("create expired bucket" for a point
	 * older than the TTL, but also renaming a user). And a query on a missing table is a
	 * planning error 010001 ("Datafusion: Error during planning: Table not found, …"),
	 * not the 030019 that DROP and DESCRIBE answer. In a cluster, 050019 carries any
	 * error another node returned; when that error is the node's refusal as no longer the
	 * leader of a replica set ("The Operation Can only Exec in Leader …", its own code
	 * 050026), as happens while leadership moves after a node died, sending again reaches
	 * the new leader.
	 */
	private static @Nullable DataAccessException translateByMessage(String code, String message,
			CnosErrorResponse error) {
		if (code.equals("050014")
				&& (error.message().contains("DataSchemaError") || error.message().contains("expired"))) {
			return new CnosDataIntegrityViolationException(message, error);
		}
		if (code.equals("010001") && error.message().contains("Table not found")) {
			return new CnosObjectNotFoundException(message, error);
		}
		if (code.equals("050019") && error.message().contains("Can only Exec in Leader")) {
			return new CnosTransientException(message, error);
		}
		if (code.equals("040007") && (error.message().contains("Arrow") || error.message().contains("Datafusion"))) {
			// "Fetch result: Arrow: Cast error: …": the engine failed on a value while
			// the
			// rows were sent, which is about the statement, not how it was asked.
			return new CnosBadSqlException(message, error);
		}
		if (code.equals("030034")) {
			return error.message().contains("create expired bucket")
					? new CnosDataIntegrityViolationException(message, error) : new CnosBadSqlException(message, error);
		}
		return null;
	}

	private static boolean isUnavailable(int status) {
		return status == 429 || status == 502 || status == 503 || status == 504;
	}

	private static String describe(CnosErrorResponse error) {
		String text = error.message().isEmpty() ? "(no error body)" : error.message();
		return text + " [" + error + "]";
	}

}
