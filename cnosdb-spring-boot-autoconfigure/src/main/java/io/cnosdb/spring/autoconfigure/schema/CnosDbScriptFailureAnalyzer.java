package io.cnosdb.spring.autoconfigure.schema;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.exception.CnosServerFailure;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a schema script that stopped startup: the script, the statement's position,
 * line and text, and what CnosDB answered, or that it did not answer; and what to do.
 */
class CnosDbScriptFailureAnalyzer extends AbstractFailureAnalyzer<CnosDbScriptException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, CnosDbScriptException cause) {
		if (!(cause instanceof CnosDbScriptStatementFailedException failed)) {
			return new FailureAnalysis(cause.getMessage(),
					"Fix the script, or the locations in cnosdb.schema.locations.", cause);
		}
		String newLine = System.lineSeparator();
		StringBuilder description = new StringBuilder("Statement ").append(failed.getStatementNumber())
			.append(" of CnosDB schema script ")
			.append(failed.getScript())
			.append(", on line ")
			.append(failed.getLine())
			.append(", failed:")
			.append(newLine)
			.append(newLine)
			.append("    ")
			.append(failed.getStatement())
			.append(newLine)
			.append(newLine);
		if (failed.getFailure() instanceof CnosServerFailure server) {
			description.append("CnosDB answered: ")
				.append((server.getErrorCode() != null) ? server.getErrorCode() + " " : "")
				.append(server.getServerMessage().isEmpty() ? "(no message)" : server.getServerMessage())
				.append(" (HTTP ")
				.append(server.getStatusCode())
				.append(")");
		}
		else {
			description.append("CnosDB did not answer: ").append(failed.getFailure().getMessage());
		}
		String action = DefaultCnosExceptionTranslator.isTransient(failed.getFailure())
				? "Make sure CnosDB runs and answers at cnosdb.url; or set cnosdb.schema.continue-on-error=true to "
						+ "start without it and apply the scripts later."
				: "Fix the statement in the script; or set cnosdb.schema.continue-on-error=true to log failed "
						+ "statements and start anyway.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
