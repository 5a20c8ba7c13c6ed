package io.cnosdb.spring.test.autoconfigure;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.autoconfigure.schema.CnosDbScriptDatabaseInitializer;
import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.util.ClassUtils;

/**
 * The throwaway database of one test context: created through the first
 * {@link CnosTemplate} bean that addresses it, as soon as that bean is initialized and so
 * before any other bean can use it, and dropped through the same template when the
 * context closes, before its beans are destroyed. Schema scripts
 * ({@code cnosdb.schema.locations}) run before the template bean is created, so with them
 * the database is created through the scripts' template, before they run.
 */
final class ThrowawayCnosDatabase implements BeanPostProcessor, ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(ThrowawayCnosDatabase.class);

	/** Whether schema scripts can run: Spring Boot's SQL initialization is present. */
	private static final boolean SCHEMA_SCRIPTS_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer",
			ThrowawayCnosDatabase.class.getClassLoader());

	/** The most characters of the test class's name a database name takes. */
	private static final int MAX_CLASS_NAME_LENGTH = 40;

	private final String name;

	private final ApplicationContext context;

	private @Nullable CnosTemplate creator;

	ThrowawayCnosDatabase(String name, ApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/**
	 * A database name unique to the run for the test class:
	 * {@code test_<class name, lower case, letters and digits>_<random>}.
	 */
	static String nameFor(Class<?> testClass) {
		String className = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (className.length() > MAX_CLASS_NAME_LENGTH) {
			className = className.substring(0, MAX_CLASS_NAME_LENGTH);
		}
		String random = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		return "test_" + (className.isEmpty() ? "class" : className) + "_" + random;
	}

	String getName() {
		return this.name;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		CnosTemplate scripts = SCHEMA_SCRIPTS_PRESENT ? SchemaScripts.templateOf(bean) : null;
		if (scripts != null && this.name.equals(scripts.getDatabase())) {
			create(scripts);
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CnosTemplate template && this.name.equals(template.getDatabase())) {
			create(template);
		}
		return bean;
	}

	private synchronized void create(CnosTemplate template) {
		if (this.creator != null) {
			return;
		}
		try {
			template.createDatabase(this.name);
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("Could not create the throwaway database '" + this.name + "' at "
					+ template.getUrl() + " for the test: " + ex.getMessage(), ex);
		}
		this.creator = template;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			drop();
		}
	}

	private synchronized void drop() {
		CnosTemplate template = this.creator;
		if (template == null) {
			return;
		}
		this.creator = null;
		try {
			template.dropDatabaseIfExists(this.name);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not drop the throwaway database '" + this.name + "' at " + template.getUrl()
					+ "; drop it by hand: " + ex.getMessage());
		}
	}

	/** Loaded only where Spring Boot's SQL initialization is present. */
	private static final class SchemaScripts {

		static @Nullable CnosTemplate templateOf(Object bean) {
			return (bean instanceof CnosDbScriptDatabaseInitializer initializer) ? initializer.getTemplate() : null;
		}

	}

}
