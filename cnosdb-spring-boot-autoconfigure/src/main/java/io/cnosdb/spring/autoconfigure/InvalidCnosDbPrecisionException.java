package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * {@code cnosdb.write.precision} is not one of the precisions CnosDB understands.
 */
public final class InvalidCnosDbPrecisionException extends CnosDbConfigurationException {

	InvalidCnosDbPrecisionException(String value, Throwable cause) {
		super("cnosdb.write.precision", "CnosDB write precision '" + CnosMessageValues.abbreviate(value)
				+ "' from cnosdb.write.precision is not supported: CnosDB understands only ns, us and ms, and would "
				+ "silently read any other value as ns",
				"Set cnosdb.write.precision to ns (nanoseconds, the default), us (microseconds) or ms (milliseconds)",
				cause);
	}

}
