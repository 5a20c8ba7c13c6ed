package io.cnosdb.spring.autoconfigure.schema;

import io.cnosdb.spring.core.sql.SqlScript;
import io.cnosdb.spring.core.support.CnosMessageValues;

import org.springframework.dao.DataAccessException;

/**
 * A statement of a schema script failed: CnosDB refused it, or did not answer. Names the
 * script, the statement's position and line, and the statement (password literals
 * masked); the cause is the template's exception, with CnosDB's error code and message
 * where the server answered.
 */
public class CnosDbScriptStatementFailedException extends CnosDbScriptException {

	private static final int MAX_STATEMENT_IN_MESSAGE = 500;

	private final int statementNumber;

	private final int line;

	private final String statement;

	/**
	 * @param script the script's description, such as
	 * {@code class path resource [cnosdb/schema.sql]}
	 * @param statement the statement that failed
	 * @param shownStatement its text as it may be shown, password literals masked
	 * @param cause why it failed
	 */
	public CnosDbScriptStatementFailedException(String script, SqlScript.Statement statement, String shownStatement,
			DataAccessException cause) {
		super(script, "Statement " + statement.number() + " of " + script + " (line " + statement.line() + ") failed: "
				+ cause.getMessage(), cause);
		this.statementNumber = statement.number();
		this.line = statement.line();
		this.statement = CnosMessageValues.abbreviate(shownStatement, MAX_STATEMENT_IN_MESSAGE);
	}

	/** The statement's position among the script's statements, from 1. */
	public int getStatementNumber() {
		return this.statementNumber;
	}

	/** The line of the script the statement starts on, from 1. */
	public int getLine() {
		return this.line;
	}

	/** The statement, password literals masked, cut to 500 characters. */
	public String getStatement() {
		return this.statement;
	}

	/** Why the statement failed: the template's exception. */
	public DataAccessException getFailure() {
		return (DataAccessException) getCause();
	}

}
