package io.cnosdb.spring.test.autoconfigure;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The Spring TestContext lifecycle of one test class, driven by hand as JUnit's
 * {@code SpringExtension} drives it: {@link #start} runs what comes before the class's
 * first test (the context is loaded, the instance injected), {@link #finish} what comes
 * after its last one. It lets a test look at what happens between and after, such as a
 * throwaway database that exists while the class runs and is gone after it.
 *
 * @param <T> the test class
 */
final class SpringTestClassRun<T> {

	private final TestContextManager manager;

	private final T instance;

	private ApplicationContext context;

	private SpringTestClassRun(Class<T> testClass) {
		this.manager = new TestContextManager(testClass);
		this.instance = BeanUtils.instantiateClass(testClass);
	}

	/** Runs what comes before the first test of the class. */
	static <T> SpringTestClassRun<T> start(Class<T> testClass) throws Exception {
		SpringTestClassRun<T> run = new SpringTestClassRun<>(testClass);
		run.manager.beforeTestClass();
		run.manager.prepareTestInstance(run.instance);
		run.context = run.manager.getTestContext().getApplicationContext();
		return run;
	}

	/** The test instance, its fields injected. */
	T instance() {
		return this.instance;
	}

	/**
	 * The class's application context, as loaded by {@link #start}: asking the test
	 * context after {@link #finish} would load a new one.
	 */
	ApplicationContext context() {
		return this.context;
	}

	/** Runs what comes after the last test of the class. */
	void finish() throws Exception {
		this.manager.afterTestClass();
	}

}
