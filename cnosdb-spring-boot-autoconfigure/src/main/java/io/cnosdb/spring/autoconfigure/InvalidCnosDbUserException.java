package io.cnosdb.spring.autoconfigure;

/**
 * {@code cnosdb.user} holds a {@code :}. Such a value is often {@code user:password}
 * written into one property, so, as for the password, the value is not repeated in the
 * report.
 */
public final class InvalidCnosDbUserException extends CnosDbConfigurationException {

	InvalidCnosDbUserException(String rule) {
		super("cnosdb.user", "The CnosDB user from cnosdb.user (not shown) cannot be used: it " + rule,
				"Set cnosdb.user to the user name alone and cnosdb.password to its password", null);
	}

}
