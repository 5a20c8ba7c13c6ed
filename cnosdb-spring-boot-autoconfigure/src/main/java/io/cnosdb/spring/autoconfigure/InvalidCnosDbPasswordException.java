package io.cnosdb.spring.autoconfigure;

/**
 * {@code cnosdb.password} cannot be sent. Unlike other invalid values, the password is
 * not repeated in the report.
 */
public final class InvalidCnosDbPasswordException extends CnosDbConfigurationException {

	InvalidCnosDbPasswordException(String rule) {
		super("cnosdb.password", "The CnosDB password from cnosdb.password (not shown) cannot be used: it " + rule,
				"Set cnosdb.password to the password of cnosdb.user, or to an empty value for none", null);
	}

}
