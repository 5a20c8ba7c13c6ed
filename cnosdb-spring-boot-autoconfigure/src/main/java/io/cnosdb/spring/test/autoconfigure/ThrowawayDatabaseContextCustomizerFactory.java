package io.cnosdb.spring.test.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} of the throwaway database of a test class annotated
 * with {@code @CnosDbTest(database = THROWAWAY)} or
 * {@code @AutoConfigureCnosDb(database = THROWAWAY)}: its context gets a
 * {@code cnosdb.database} of its own, ahead of every other property source, and a
 * {@link ThrowawayCnosDatabase} that creates and drops it. The test class is part of the
 * context's cache key, so no other test class shares the database.
 */
class ThrowawayDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	/** The name of the property source holding the throwaway database's name. */
	static final String PROPERTY_SOURCE_NAME = "cnosDbThrowawayDatabase";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return isRequested(testClass) ? new ThrowawayDatabaseContextCustomizer(testClass) : null;
	}

	/** Whether the test class asks for a throwaway database. */
	static boolean isRequested(Class<?> testClass) {
		AutoConfigureCnosDb annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureCnosDb.class);
		return annotation != null && annotation.database() == Database.THROWAWAY;
	}

	private record ThrowawayDatabaseContextCustomizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ThrowawayCnosDatabase database = new ThrowawayCnosDatabase(ThrowawayCnosDatabase.nameFor(this.testClass),
					context);
			PropertySource<?> name = new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("cnosdb.database", database.getName()));
			context.getEnvironment().getPropertySources().addFirst(name);
			context.addBeanFactoryPostProcessor(new FirstPropertySource(context.getEnvironment(), name));
			context.getBeanFactory().addBeanPostProcessor(database);
			context.addApplicationListener(database);
		}

	}

	/**
	 * Puts the property source first again when the context refreshes, after every
	 * customizer and initializer, so that customizers that run after this one, such as
	 * that of {@code @DynamicPropertySource}, cannot put theirs before it.
	 */
	private record FirstPropertySource(ConfigurableEnvironment environment,
			PropertySource<?> source) implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			this.environment.getPropertySources().addFirst(this.source);
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

}
