package io.cnosdb.spring.core.exception;

import org.springframework.dao.DataAccessException;

/**
 * Turns an error answer of CnosDB into a {@link DataAccessException}: the CnosDB analogue
 * of JDBC's {@code SQLExceptionTranslator}. Replace it to map codes differently.
 *
 * @see DefaultCnosExceptionTranslator
 */
@FunctionalInterface
public interface CnosExceptionTranslator {

	/**
	 * Translates an error answer.
	 * @param description what was being done and, where safe, the statement, ready to be
	 * placed in a message (credentials already removed)
	 * @param error the server's answer
	 * @return the exception to throw, never {@code null}
	 */
	DataAccessException translate(String description, CnosErrorResponse error);

}
