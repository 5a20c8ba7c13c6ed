package io.cnosdb.spring.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.cnosdb.spring.core.observation.CnosObservationDocumentation.BatchHighCardinalityKeyNames;
import io.cnosdb.spring.core.observation.CnosObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link CnosBatchObservationConvention}: observations named
 * {@value #DEFAULT_NAME}, with the contextual name {@code BATCH write cnosdb|public} and
 * the keys of {@link CnosObservationDocumentation#BATCH}. The operation is
 * {@value #OPERATION}, as OpenTelemetry names a batch of operations of one kind.
 */
public class DefaultCnosBatchObservationConvention implements CnosBatchObservationConvention {

	/** The default name of the observations, and of the timers made of them. */
	public static final String DEFAULT_NAME = "cnosdb.client.batches";

	/** The operation of every batch. */
	public static final String OPERATION = "BATCH write";

	private final String name;

	/** A convention naming observations {@value #DEFAULT_NAME}. */
	public DefaultCnosBatchObservationConvention() {
		this(DEFAULT_NAME);
	}

	/** A convention naming observations {@code name}. */
	public DefaultCnosBatchObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(CnosBatchObservationContext context) {
		return OPERATION + " " + CnosKeyValues.namespace(context.getTenant(), context.getDatabase());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CnosBatchObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.DB_SYSTEM_NAME.withValue(CnosKeyValues.SYSTEM_NAME),
				LowCardinalityKeyNames.DB_OPERATION_NAME.withValue(OPERATION), namespace(context), errorType(context),
				responseStatusCode(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CnosBatchObservationContext context) {
		return KeyValues.of(points(context), bytes(context), attempts(context));
	}

	protected KeyValue namespace(CnosBatchObservationContext context) {
		return LowCardinalityKeyNames.DB_NAMESPACE
			.withValue(CnosKeyValues.namespace(context.getTenant(), context.getDatabase()));
	}

	protected KeyValue errorType(CnosBatchObservationContext context) {
		return LowCardinalityKeyNames.ERROR_TYPE.withValue(CnosKeyValues.errorType(context.getError()));
	}

	protected KeyValue responseStatusCode(CnosBatchObservationContext context) {
		return LowCardinalityKeyNames.DB_RESPONSE_STATUS_CODE
			.withValue(CnosKeyValues.responseStatusCode(context.getError()));
	}

	protected KeyValue points(CnosBatchObservationContext context) {
		return BatchHighCardinalityKeyNames.POINTS.withValue(Integer.toString(context.getPoints()));
	}

	protected KeyValue bytes(CnosBatchObservationContext context) {
		return BatchHighCardinalityKeyNames.BYTES.withValue(Integer.toString(context.getBytes()));
	}

	/** The attempts so far: the final count once the observation stops. */
	protected KeyValue attempts(CnosBatchObservationContext context) {
		return BatchHighCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.getAttempts()));
	}

}
