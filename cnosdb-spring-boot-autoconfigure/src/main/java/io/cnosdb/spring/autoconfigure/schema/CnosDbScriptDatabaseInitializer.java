package io.cnosdb.spring.autoconfigure.schema;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.sql.SqlScript;

import org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;

/**
 * Runs SQL scripts through a {@link CnosTemplate} when the bean is initialized, as Spring
 * Boot's {@code DataSourceScriptDatabaseInitializer} does through a {@code DataSource}:
 * the scripts of the settings' schema locations, in order, each split into statements
 * ({@link SqlScript}) that run one by one. Beans that use CnosDB wait for it (see
 * {@link CnosDbDependsOnDatabaseInitializationDetector}), as do beans annotated
 * {@code @DependsOnDatabaseInitialization}.
 * <p>
 * A statement that fails stops the run, and startup, with a
 * {@link CnosDbScriptStatementFailedException} naming the script, the statement's
 * position and line, and CnosDB's error. With continue-on-error, the failure is logged
 * instead and the run goes on with the next statement; once CnosDB is unavailable (it
 * does not answer, times out, or answers 502, 503 or 504), the remaining statements are
 * skipped, as they would fail alike. Such an application applies its schema later with
 * {@link #ensureInitialized()}.
 */
public class CnosDbScriptDatabaseInitializer extends AbstractScriptDatabaseInitializer {

	private static final Log logger = LogFactory.getLog(CnosDbScriptDatabaseInitializer.class);

	private final CnosTemplate template;

	private final @Nullable UnaryOperator<String> placeholders;

	/** Whether a run executed every statement of every script. */
	private volatile boolean initialized;

	/** Whether the current run stops at the first failure whatever the settings say. */
	private boolean strict;

	/** Whether a statement of the current run failed. */
	private boolean failed;

	/**
	 * @param template the template the statements run through, in its database and tenant
	 * @param settings the scripts' locations, separator and encoding, the mode and
	 * whether to continue on error; data locations run after schema locations
	 * @param placeholders resolves a {@code ${…}} placeholder in quoted text to its value
	 * (such as {@code Environment::resolveRequiredPlaceholders}), or {@code null} to
	 * leave placeholders as text
	 */
	public CnosDbScriptDatabaseInitializer(CnosTemplate template, DatabaseInitializationSettings settings,
			@Nullable UnaryOperator<String> placeholders) {
		super(settings);
		this.template = template;
		this.placeholders = placeholders;
	}

	/**
	 * Runs the scripts.
	 * @return whether any script was run
	 * @throws CnosDbScriptException if a script cannot be read or split, or a statement
	 * fails without continue-on-error
	 */
	@Override
	public synchronized boolean initializeDatabase() {
		this.failed = false;
		boolean ran = super.initializeDatabase();
		this.initialized = !this.failed;
		return ran;
	}

	/**
	 * Runs the scripts unless a run already executed every statement, stopping at the
	 * first statement that fails whatever continue-on-error says: for an application that
	 * starts without CnosDB (continue-on-error) and applies its schema once CnosDB
	 * answers, before its first use. Cheap once a run succeeded.
	 * @throws CnosDbScriptException if a script cannot be read or split, or a statement
	 * fails; the next call tries again
	 */
	public void ensureInitialized() {
		if (this.initialized) {
			return;
		}
		synchronized (this) {
			if (!this.initialized) {
				this.strict = true;
				try {
					initializeDatabase();
				}
				finally {
					this.strict = false;
				}
			}
		}
	}

	/**
	 * Whether a run executed every statement of every script (or found no script to run):
	 * false before the first run, and after a run in which a statement failed under
	 * continue-on-error.
	 */
	public boolean isInitialized() {
		return this.initialized;
	}

	/**
	 * The template the statements run through: its database and tenant are the ones they
	 * address.
	 */
	public CnosTemplate getTemplate() {
		return this.template;
	}

	/** CnosDB is a server: embedded mode runs no script. */
	@Override
	protected boolean isEmbeddedDatabase() {
		return false;
	}

	@Override
	protected void runScripts(Scripts scripts) {
		boolean continueOnError = scripts.isContinueOnError() && !this.strict;
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		for (Resource resource : scripts) {
			String script = resource.getDescription();
			List<SqlScript.Statement> statements = statements(resource, script, encoding, scripts.getSeparator());
			for (SqlScript.Statement statement : statements) {
				if (!run(script, statement, continueOnError)) {
					return;
				}
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Ran " + statements.size() + " statement(s) of " + script + " in "
						+ this.template.getDatabase());
			}
		}
	}

	/**
	 * Runs a statement.
	 * @return whether to go on with the next one
	 */
	private boolean run(String script, SqlScript.Statement statement, boolean continueOnError) {
		try {
			this.template.execute(statement.sql());
			return true;
		}
		catch (DataAccessException ex) {
			String shown = this.template.getHttpClient().credentials().redact(statement.sql());
			CnosDbScriptStatementFailedException failure = new CnosDbScriptStatementFailedException(script, statement,
					shown, ex);
			if (!continueOnError) {
				throw failure;
			}
			this.failed = true;
			// Unreachable, overloaded or behind a failing proxy: the next statements
			// would
			// fail alike, and a later run applies them.
			boolean unavailable = DefaultCnosExceptionTranslator.isTransient(ex);
			// The message alone: a stack trace tells nothing more about a refused
			// statement.
			logger.warn(
					failure.getMessage()
							+ (unavailable ? "; CnosDB is unavailable, so the remaining statements are skipped"
									: "; going on with the next statement")
							+ " (cnosdb.schema.continue-on-error=true)");
			return !unavailable;
		}
	}

	private List<SqlScript.Statement> statements(Resource resource, String script, Charset encoding, String separator) {
		String text;
		try {
			text = resource.getContentAsString(encoding);
		}
		catch (IOException ex) {
			throw new CnosDbScriptException(script, "Cannot read " + script + ": " + ex.getMessage(), ex);
		}
		try {
			return SqlScript.split(text, separator, this.placeholders);
		}
		catch (IllegalArgumentException ex) {
			throw new CnosDbScriptException(script, "Cannot run " + script + ": " + ex.getMessage(), ex);
		}
	}

}
