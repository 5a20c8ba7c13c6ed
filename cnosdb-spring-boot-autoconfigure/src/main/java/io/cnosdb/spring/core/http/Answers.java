package io.cnosdb.spring.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.result.CsvResultReader.ServerErrorException;
import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * How an answer of the server is judged before its body is read: a status outside 2xx
 * becomes the translator's exception, built from the error body with credentials removed;
 * a statement's successful answer must be CSV, and an error object ending it is
 * translated the same way; a write's answer is read only as far as any CnosDB answer
 * goes.
 */
final class Answers {

	/**
	 * Enough of an error body for any CnosDB message; a larger body is cut, never
	 * buffered whole.
	 */
	static final int MAX_ERROR_BODY = 16 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The error object the server appends to a streamed answer, whose message it writes
	 * without JSON escaping: a quote in it (from a value or a name in the message) leaves
	 * an object no JSON reader takes.
	 */
	private static final Pattern UNESCAPED_ERROR = Pattern
		.compile("\\{\"error_code\": \"(\\d+)\", \"error_message\": \"(.*)\"}", Pattern.DOTALL);

	private final String displayUrl;

	private final CnosCredentials credentials;

	private final CnosExceptionTranslator translator;

	Answers(String displayUrl, CnosCredentials credentials, CnosExceptionTranslator translator) {
		this.displayUrl = displayUrl;
		this.credentials = credentials;
		this.translator = translator;
	}

	/** The answer if its status is 2xx; else the translated error, its body aborted. */
	ClientHttpResponse checked(ClientHttpResponse response, Supplier<String> description) throws IOException {
		int status = response.getStatusCode().value();
		if (status >= 200 && status < 300) {
			return response;
		}
		try (response) {
			InputStream body = response.getBody();
			try {
				throw this.translator.translate(description.get(), readError(status, body));
			}
			finally {
				// The error is in its first bytes: the rest, however long, is not read.
				ResponseBodies.abort(body);
			}
		}
	}

	/**
	 * Fails for a successful answer to a statement that is not CSV, such as the HTML page
	 * of a proxy or another service at the URL, before a row is read: its first line
	 * would pass for the column names. An answer without a content type passes: the
	 * server sends a statement without a result (DDL) as an empty body without one.
	 */
	ClientHttpResponse requireCsv(ClientHttpResponse response, Supplier<String> description) {
		String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType == null || isCsv(contentType)) {
			return response;
		}
		try {
			ResponseBodies.abort(response.getBody());
		}
		catch (IOException ex) {
			// Ended either way.
		}
		response.close();
		throw new DataRetrievalFailureException("CnosDB at " + this.displayUrl + " answered with content type '"
				+ CnosMessageValues.abbreviate(contentType) + "' instead of CSV (text/csv or application/csv) while "
				+ description.get() + "; does the URL point to a CnosDB server's HTTP API?");
	}

	private static boolean isCsv(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.getSubtype().equalsIgnoreCase("csv")
					&& (type.getType().equalsIgnoreCase("text") || type.getType().equalsIgnoreCase("application"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * The translator's exception for the error object the server ended a 200 answer with
	 * when the statement failed midway, naming how many rows came before it; judged as
	 * the same error in a 4xx answer would be.
	 */
	DataAccessException translateServerError(Supplier<String> description, ServerErrorException error) {
		String rows = (error.rowsBefore() == 1) ? "1 row" : error.rowsBefore() + " rows";
		return this.translator.translate(description.get() + " (failed midway, after " + rows + ")",
				parseError(200, error.serverError()));
	}

	private CnosErrorResponse readError(int status, InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_ERROR_BODY);
		return parseError(status, new String(bytes, StandardCharsets.UTF_8).strip());
	}

	private CnosErrorResponse parseError(int status, String text) {
		String code = null;
		String message = text;
		if (text.startsWith("{")) {
			try {
				Map<?, ?> error = JSON.readValue(text, Map.class);
				if (error.get("error_code") instanceof String errorCode) {
					code = errorCode;
					message = String.valueOf(error.get("error_message"));
				}
			}
			catch (JacksonException ex) {
				Matcher unescaped = UNESCAPED_ERROR.matcher(text);
				if (unescaped.matches()) {
					code = unescaped.group(1);
					message = unescaped.group(2);
				}
				// Else not the server's error shape: report the text as it came.
			}
		}
		return new CnosErrorResponse(status, code, this.credentials.redactServerMessage(message));
	}

	/**
	 * Reads what the server answered to a write, which CnosDB sends empty, keeping the
	 * connection; an answer longer than any CnosDB sends (such as an endless one from
	 * something else at the URL) is cut off instead of read to its end.
	 */
	void finishWriteAnswer(InputStream body) throws IOException {
		body.readNBytes(MAX_ERROR_BODY);
		if (body.read() != -1) {
			ResponseBodies.abort(body);
		}
	}

}
