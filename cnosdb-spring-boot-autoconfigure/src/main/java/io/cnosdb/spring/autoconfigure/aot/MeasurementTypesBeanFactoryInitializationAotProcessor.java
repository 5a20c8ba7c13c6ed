package io.cnosdb.spring.autoconfigure.aot;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.write.annotation.Measurement;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.log.LogMessage;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * {@link BeanFactoryInitializationAotProcessor} that finds the application's
 * {@link Measurement @Measurement} classes and records at build time and registers the
 * reflection their writes need in a native image. The client reads such an object's
 * annotated fields, or calls its record accessors, through reflection, and applications
 * usually read the same type back from query rows, which calls its constructor or
 * setters. So each type is registered as {@code @RegisterReflectionForBinding} registers
 * it: constructors, fields, properties and record components, of the type and of its
 * superclasses (whose annotated fields are written too), and the types they use.
 * <p>
 * The types are searched in the auto-configuration packages (those of the
 * {@code @SpringBootApplication} class, as Spring Boot looks for entities): the class
 * files carrying {@code @Measurement} itself, nested classes included. Local and
 * anonymous classes cannot be registered (hints name a type by its canonical name, and
 * such classes have none): each is reported with a warning. Types elsewhere, and types
 * that are only read from rows, are listed in {@code @RegisterReflectionForBinding} by
 * the application.
 */
class MeasurementTypesBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final Log logger = LogFactory.getLog(MeasurementTypesBeanFactoryInitializationAotProcessor.class);

	@Override
	public @Nullable MeasurementTypesContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return null;
		}
		Set<Class<?>> types = findMeasurementTypes(AutoConfigurationPackages.get(beanFactory),
				beanFactory.getBeanClassLoader());
		return (!types.isEmpty()) ? new MeasurementTypesContribution(types) : null;
	}

	/**
	 * The classes and records annotated with {@code @Measurement} in the packages and
	 * their sub-packages, in name order, but for local and anonymous ones.
	 */
	private static Set<Class<?>> findMeasurementTypes(List<String> packages, @Nullable ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				AnnotationMetadata metadata = definition.getMetadata();
				return !metadata.isInterface() && !metadata.isAnnotation();
			}

		};
		// The client reads the annotation from the class itself: neither inherited nor
		// as a meta-annotation.
		scanner.addIncludeFilter(new AnnotationTypeFilter(Measurement.class, false));
		scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		Set<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className == null) {
					continue;
				}
				Class<?> type = ClassUtils.resolveClassName(className, classLoader);
				if (type.getCanonicalName() != null) {
					types.add(type);
				}
				else {
					logger.warn(LogMessage.format("%s is a @Measurement type, but a local or anonymous class, "
							+ "for which no reflection hints can be registered: writing it would fail in a native "
							+ "image. Declare it as a top-level or nested class.", className));
				}
			}
		}
		return types;
	}

	/**
	 * Registers the reflection hints of {@code @Measurement} types as
	 * {@code @RegisterReflectionForBinding} does.
	 */
	static final class MeasurementTypesContribution implements BeanFactoryInitializationAotContribution {

		private final Set<Class<?>> types;

		private MeasurementTypesContribution(Set<Class<?>> types) {
			this.types = types;
		}

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			registerHints(generationContext.getRuntimeHints().reflection());
		}

		void registerHints(ReflectionHints hints) {
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints, this.types.toArray(Class<?>[]::new));
		}

		Set<Class<?>> getTypes() {
			return this.types;
		}

	}

}
