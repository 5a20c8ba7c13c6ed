package io.cnosdb.spring.core;

import mockwebserver3.MockResponse;

/**
 * Answers exactly as CnosDB 2.4 sends them on its HTTP API (protocol reference §1.4, §1.5,
 * §2.2, §2.6, §3): CSV results as {@code text/csv} without a charset, compact JSON error
 * bodies, and empty bodies with {@code content-length: 0} for DDL, writes and the statuses
 * the server answers without a body.
 */
final class CnosDbResponses {

	/** Golden example 12: a query on a dropped table. */
	static final String TABLE_NOT_FOUND_AIR = "Table not found: \"cnosdb.public.air\"";

	private CnosDbResponses() {
	}

	/** 200 with a CSV result, as {@code POST /api/v1/sql} answers a query. */
	static MockResponse csv(String body) {
		return new MockResponse.Builder().code(200).addHeader("content-type", "text/csv").body(body).build();
	}

	/** 200 with {@code rows⏎n⏎}, as the server answers an INSERT. */
	static MockResponse insertedRows(long rows) {
		return csv("rows\n" + rows + "\n");
	}

	/**
	 * 200 with an empty body and no content type: a statement without a result set (DDL, DCL)
	 * and a successful line-protocol write.
	 */
	static MockResponse empty() {
		return new MockResponse.Builder().code(200).build();
	}

	/** The server's error body: {@code {"error_code":"…","error_message":"…"}}. */
	static MockResponse error(int status, String errorCode, String errorMessage) {
		return new MockResponse.Builder().code(status)
			.addHeader("content-type", "application/json")
			.body("{\"error_code\":\"" + errorCode + "\",\"error_message\":\"" + jsonEscape(errorMessage) + "\"}")
			.build();
	}

	/** A 422, the status of almost every CnosDB error (auth, parse, meta, storage). */
	static MockResponse unprocessable(String errorCode, String errorMessage) {
		return error(422, errorCode, errorMessage);
	}

	/** A status the server answers with an empty body: 404, 405, 413, 500. */
	static MockResponse emptyStatus(int status) {
		return new MockResponse.Builder().code(status).build();
	}

	private static String jsonEscape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
