package io.cnosdb.spring.core.exception;

import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.dao.DataAccessException;

/**
 * Chooses the exception from CnosDB's {@code error_code} first and the HTTP status second:
 * the server answers 422 for authentication failures, unknown tables and syntax errors alike,
 * so the status alone says little.
 */
public class DefaultCnosExceptionTranslator implements CnosExceptionTranslator {

	private static final Map<String, BiFunction<String, CnosServerError, DataAccessException>> BY_CODE = Map.ofEntries(
			Map.entry("010016", CnosPermissionDeniedException::new), // authentication
			Map.entry("010004", CnosPermissionDeniedException::new), // insufficient privileges
			Map.entry("030008", CnosObjectNotFoundException::new), // user not found
			Map.entry("030010", CnosObjectNotFoundException::new), // tenant not found
			Map.entry("030017", CnosObjectNotFoundException::new), // database not found
			Map.entry("030019", CnosObjectNotFoundException::new), // table not found
			Map.entry("010062", CnosObjectNotFoundException::new), // database not found (planner)
			Map.entry("040008", CnosObjectNotFoundException::new), // tenant not found (HTTP layer)
			Map.entry("030018", CnosDataIntegrityViolationException::new), // database exists
			Map.entry("030020", CnosDataIntegrityViolationException::new), // table exists
			Map.entry("020004", CnosDataIntegrityViolationException::new), // field type conflict
			Map.entry("050025", CnosDataIntegrityViolationException::new), // point older than TTL
			Map.entry("030024", CnosTransientException::new), // rate limit reached
			Map.entry("040004", CnosBadSqlException::new), // line-protocol syntax
			Map.entry("020002", CnosBadSqlException::new), // point without fields
			Map.entry("000000", CnosInvalidRequestException::new), // missing header
			Map.entry("040005", CnosInvalidRequestException::new), // invalid header
			Map.entry("040006", CnosInvalidRequestException::new), // malformed basic auth
			Map.entry("040013", CnosInvalidRequestException::new), // body decompression
			Map.entry("040015", CnosInvalidRequestException::new)); // invalid UTF-8 body

	@Override
	public DataAccessException translate(String description, CnosServerError error) {
		String message = description + ": " + describe(error);
		String code = error.errorCode();
		if (code != null) {
			BiFunction<String, CnosServerError, DataAccessException> factory = BY_CODE.get(code);
			if (factory != null) {
				return factory.apply(message, error);
			}
			if (code.startsWith("01")) {
				// Query-engine errors (parser, planner, DataFusion, Arrow casts) are about the statement.
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

	private static String describe(CnosServerError error) {
		String text = error.message().isEmpty() ? "(no error body)" : error.message();
		return text + " [" + error + "]";
	}

}
