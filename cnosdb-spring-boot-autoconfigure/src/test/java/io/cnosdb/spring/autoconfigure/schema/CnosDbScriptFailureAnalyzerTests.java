package io.cnosdb.spring.autoconfigure.schema;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosErrorResponse;
import io.cnosdb.spring.core.sql.SqlScript;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a schema script that stopped startup names the script, the statement's
 * position, line and text, and CnosDB's answer or silence, and says what to do.
 */
class CnosDbScriptFailureAnalyzerTests {

	private static final String SCRIPT = "class path resource [cnosdb/schema.sql]";

	private final CnosDbScriptFailureAnalyzer analyzer = new CnosDbScriptFailureAnalyzer();

	@Test
	void aRefusedStatementIsReportedWithTheServersAnswer() {
		CnosDataIntegrityViolationException refusal = new CnosDataIntegrityViolationException(
				"executing SQL [CREATE DATABASE ocean] in database 'public' of tenant 'cnosdb': Database \"ocean\" "
						+ "already exists",
				new CnosErrorResponse(422, "030018", "Database \"ocean\" already exists"));
		FailureAnalysis analysis = analyze(new CnosDbScriptStatementFailedException(SCRIPT,
				new SqlScript.Statement(2, 7, "CREATE DATABASE ocean"), "CREATE DATABASE ocean", refusal));
		assertThat(analysis.getDescription()).isEqualTo("Statement 2 of CnosDB schema script " + SCRIPT
				+ ", on line 7, failed:" + nl() + nl() + "    CREATE DATABASE ocean" + nl() + nl()
				+ "CnosDB answered: 030018 Database \"ocean\" already exists (HTTP 422)");
		assertThat(analysis.getAction()).startsWith("Fix the statement in the script")
			.contains("cnosdb.schema.continue-on-error=true");
	}

	@Test
	void aServerThatDidNotAnswerIsReportedAsSuch() {
		DataAccessResourceFailureException unreachable = new DataAccessResourceFailureException(
				"Cannot reach CnosDB at http://127.0.0.1:1 while executing SQL [CREATE DATABASE ocean] in database "
						+ "'public' of tenant 'cnosdb': Connection refused",
				new ConnectException("Connection refused"));
		FailureAnalysis analysis = analyze(new CnosDbScriptStatementFailedException(SCRIPT,
				new SqlScript.Statement(1, 1, "CREATE DATABASE ocean"), "CREATE DATABASE ocean", unreachable));
		assertThat(analysis.getDescription())
			.endsWith("CnosDB did not answer: Cannot reach CnosDB at http://127.0.0.1:1 while executing SQL "
					+ "[CREATE DATABASE ocean] in database 'public' of tenant 'cnosdb': Connection refused");
		assertThat(analysis.getAction()).startsWith("Make sure CnosDB runs and answers at cnosdb.url");
	}

	@Test
	void aScriptThatCannotBeRunIsReportedWithItsReason() {
		CnosDbScriptException failure = new CnosDbScriptException(SCRIPT,
				"Cannot run " + SCRIPT + ": The script ends inside a string literal that starts on line 3", null);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
		assertThat(analysis.getAction()).contains("cnosdb.schema.locations");
	}

	private FailureAnalysis analyze(CnosDbScriptException failure) {
		// As Spring Boot sees it: the initializer bean failed to initialize.
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("cnosDbScriptDatabaseInitializer", "Init failed", failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(failure);
		return analysis;
	}

	private static String nl() {
		return System.lineSeparator();
	}

}
