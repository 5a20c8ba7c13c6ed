package io.cnosdb.spring.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, once the tests of a module have run, which tests were skipped and why. Surefire
 * counts skipped tests on the console but keeps their reasons in its XML reports, where
 * nobody reads them; a test that needs Docker, Chromium or a CnosDB server should say so
 * where the summary is read. Registered with the JUnit Platform through
 * {@code META-INF/services}.
 */
public final class SkippedTestsReport implements TestExecutionListener {

	private final Map<String, Integer> countsByReason = new TreeMap<>();

	private final Map<String, String> classesByReason = new TreeMap<>();

	private @org.jspecify.annotations.Nullable TestPlan plan;

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.plan = testPlan;
		this.countsByReason.clear();
		this.classesByReason.clear();
	}

	@Override
	public void executionSkipped(TestIdentifier identifier, String reason) {
		record(reason, identifier, (this.plan != null) ? countTests(this.plan, identifier) : 1);
	}

	private static int countTests(TestPlan plan, TestIdentifier identifier) {
		if (identifier.getType() == TestDescriptor.Type.TEST) {
			return 1;
		}
		int tests = 0;
		for (TestIdentifier child : plan.getChildren(identifier)) {
			tests += countTests(plan, child);
		}
		return Math.max(tests, 1);
	}

	/**
	 * A test whose assumption failed is reported as skipped too, with the assumption's
	 * message.
	 */
	@Override
	public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED && identifier.isTest()) {
			record(result.getThrowable().map(Throwable::getMessage).orElse("an assumption failed"), identifier, 1);
		}
	}

	private void record(String reason, TestIdentifier identifier, int tests) {
		this.countsByReason.merge(reason, tests, Integer::sum);
		this.classesByReason.merge(reason, identifier.getDisplayName(), (a, b) -> a + ", " + b);
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (this.countsByReason.isEmpty()) {
			return;
		}
		PrintStream out = System.out;
		out.println();
		out.println("Skipped tests and why:");
		this.countsByReason.forEach((reason, count) -> out
			.println("  " + count + " skipped (" + this.classesByReason.get(reason) + "): " + reason));
		out.println();
	}

}
