package io.cnosdb.spring.autoconfigure.schema;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * A schema script cannot be run: it cannot be read, cannot be split into statements (it
 * ends inside a quoted token or comment, or a placeholder stands outside quotes or has no
 * value), or one of its statements failed ({@link CnosDbScriptStatementFailedException}).
 * The message names the script and, where there is one, the line.
 */
public class CnosDbScriptException extends DataAccessException {

	private final String script;

	/**
	 * @param script the script's description, such as
	 * {@code class path resource [cnosdb/schema.sql]}
	 * @param message what went wrong, naming the script
	 * @param cause the underlying failure, if any
	 */
	public CnosDbScriptException(String script, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.script = script;
	}

	/** The script, as its resource describes itself. */
	public String getScript() {
		return this.script;
	}

}
