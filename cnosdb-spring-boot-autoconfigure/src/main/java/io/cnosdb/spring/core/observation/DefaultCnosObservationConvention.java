package io.cnosdb.spring.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.cnosdb.spring.core.observation.CnosObservationDocumentation.HighCardinalityKeyNames;
import io.cnosdb.spring.core.observation.CnosObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link CnosObservationConvention}: observations named
 * {@value #DEFAULT_NAME}, contextual names as OpenTelemetry names database spans
 * ({@code SELECT cnosdb|public}, {@code write cnosdb|public},
 * {@code ping localhost:8902}), and the keys of {@link CnosObservationDocumentation}.
 * Extend it to change one key and keep the others: each has a method of its own.
 */
public class DefaultCnosObservationConvention implements CnosObservationConvention {

	/** The default name of the observations, and of the timers made of them. */
	public static final String DEFAULT_NAME = "cnosdb.client.operations";

	private final String name;

	/** A convention naming observations {@value #DEFAULT_NAME}. */
	public DefaultCnosObservationConvention() {
		this(DEFAULT_NAME);
	}

	/** A convention naming observations {@code name}. */
	public DefaultCnosObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * {@code operation target}: the namespace a statement or write addresses, the
	 * server's address and port for a ping.
	 */
	@Override
	public String getContextualName(CnosObservationContext context) {
		String target = (context.getDatabase() != null)
				? CnosKeyValues.namespace(context.getTenant(), context.getDatabase())
				: context.getServerAddress() + ":" + context.getServerPort();
		return context.getOperationName() + " " + target;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CnosObservationContext context) {
		return KeyValues.of(systemName(context), operationName(context), namespace(context), errorType(context),
				responseStatusCode(context), serverAddress(context), serverPort(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CnosObservationContext context) {
		return switch (context.getOperation()) {
			case STATEMENT -> KeyValues.of(queryText(context));
			case WRITE -> KeyValues.of(writeBytes(context));
			case PING -> KeyValues.empty();
		};
	}

	protected KeyValue systemName(CnosObservationContext context) {
		return LowCardinalityKeyNames.DB_SYSTEM_NAME.withValue(CnosKeyValues.SYSTEM_NAME);
	}

	protected KeyValue operationName(CnosObservationContext context) {
		return LowCardinalityKeyNames.DB_OPERATION_NAME.withValue(context.getOperationName());
	}

	protected KeyValue namespace(CnosObservationContext context) {
		return LowCardinalityKeyNames.DB_NAMESPACE
			.withValue(CnosKeyValues.namespace(context.getTenant(), context.getDatabase()));
	}

	protected KeyValue errorType(CnosObservationContext context) {
		return LowCardinalityKeyNames.ERROR_TYPE.withValue(CnosKeyValues.errorType(context.getError()));
	}

	protected KeyValue responseStatusCode(CnosObservationContext context) {
		return LowCardinalityKeyNames.DB_RESPONSE_STATUS_CODE
			.withValue(CnosKeyValues.responseStatusCode(context.getError()));
	}

	protected KeyValue serverAddress(CnosObservationContext context) {
		return LowCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getServerAddress());
	}

	protected KeyValue serverPort(CnosObservationContext context) {
		return LowCardinalityKeyNames.SERVER_PORT.withValue(Integer.toString(context.getServerPort()));
	}

	/** The statement with its literals masked; never a value. */
	protected KeyValue queryText(CnosObservationContext context) {
		String queryText = context.getQueryText();
		return HighCardinalityKeyNames.DB_QUERY_TEXT.withValue((queryText != null) ? queryText : KeyValue.NONE_VALUE);
	}

	protected KeyValue writeBytes(CnosObservationContext context) {
		return HighCardinalityKeyNames.WRITE_BYTES.withValue(Long.toString(context.getBodySize()));
	}

}
