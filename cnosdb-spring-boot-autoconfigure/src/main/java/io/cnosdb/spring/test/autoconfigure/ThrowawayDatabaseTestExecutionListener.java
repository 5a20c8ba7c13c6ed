package io.cnosdb.spring.test.autoconfigure;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link TestExecutionListener} that closes the context of a test class with a throwaway
 * database once the class is done, which drops the database, instead of leaving it in the
 * context cache until the JVM exits.
 */
class ThrowawayDatabaseTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Right after Spring's {@code DirtiesContextTestExecutionListener} (3000), which has
	 * the same concern.
	 */
	private static final int ORDER = 3100;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		if (testContext.hasApplicationContext()
				&& ThrowawayDatabaseContextCustomizerFactory.isRequested(testContext.getTestClass())) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

}
