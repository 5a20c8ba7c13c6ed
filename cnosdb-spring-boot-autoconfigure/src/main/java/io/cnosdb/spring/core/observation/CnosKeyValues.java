package io.cnosdb.spring.core.observation;

import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.exception.CnosServerFailure;

/**
 * The values both default conventions give the keys they share, so that a request and a
 * batch show the same namespace and error the same way.
 */
final class CnosKeyValues {

	/** The database system, as OpenTelemetry would name CnosDB. */
	static final String SYSTEM_NAME = "cnosdb";

	private CnosKeyValues() {
	}

	/**
	 * The tenant and the database, from the most general to the most specific, joined by
	 * {@code |} as OpenTelemetry's {@code db.namespace} wants several components;
	 * {@code none} without a database.
	 */
	static String namespace(@Nullable String tenant, @Nullable String database) {
		if (database == null) {
			return KeyValue.NONE_VALUE;
		}
		return (tenant != null) ? tenant + "|" + database : database;
	}

	/** The error's class name, or {@code none}. */
	static String errorType(@Nullable Throwable error) {
		return (error != null) ? error.getClass().getName() : KeyValue.NONE_VALUE;
	}

	/**
	 * CnosDB's error code of a refusal, or the HTTP status of an error answer without
	 * one; {@code none} for success and for failures the server did not answer (a
	 * connection refused, a timeout, a statement refused before it was sent).
	 */
	static String responseStatusCode(@Nullable Throwable error) {
		if (error instanceof CnosServerFailure failure) {
			String code = failure.getErrorCode();
			return (code != null) ? code : Integer.toString(failure.getStatusCode());
		}
		return KeyValue.NONE_VALUE;
	}

}
