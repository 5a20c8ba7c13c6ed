package io.cnosdb.spring.autoconfigure.diagnostics;

import io.cnosdb.spring.autoconfigure.CnosDbConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an unusable CnosDB setting (a malformed {@code cnosdb.url}, an undefined
 * {@code cnosdb.ssl.bundle}, an unsupported {@code cnosdb.write.precision}) as what is
 * wrong and the property to fix, instead of a stack trace.
 */
class CnosDbConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CnosDbConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CnosDbConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction() + ".", cause);
	}

}
