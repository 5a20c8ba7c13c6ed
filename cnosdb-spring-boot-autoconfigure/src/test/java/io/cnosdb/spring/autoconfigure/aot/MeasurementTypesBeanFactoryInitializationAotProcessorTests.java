package io.cnosdb.spring.autoconfigure.aot;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.aot.MeasurementTypesBeanFactoryInitializationAotProcessor.MeasurementTypesContribution;
import io.cnosdb.spring.autoconfigure.aot.elsewhere.ElsewhereAir;
import io.cnosdb.spring.autoconfigure.aot.scanned.NotAMeasurement;
import io.cnosdb.spring.autoconfigure.aot.scanned.Outer;
import io.cnosdb.spring.autoconfigure.aot.scanned.ScannedAir;
import io.cnosdb.spring.autoconfigure.aot.scanned.ScannedSensor;
import io.cnosdb.spring.autoconfigure.aot.scanned.SensorBase;
import io.cnosdb.spring.autoconfigure.aot.scanned.deeper.DeeperAir;
import io.cnosdb.spring.core.write.PointMapper;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MeasurementTypesBeanFactoryInitializationAotProcessor}: the
 * {@code @Measurement} types of the application's packages are found at build time and
 * registered for what writing and reading them reflects on.
 */
@ExtendWith(OutputCaptureExtension.class)
class MeasurementTypesBeanFactoryInitializationAotProcessorTests {

	private static final List<Class<?>> SCANNED_MEASUREMENTS = List.of(ScannedAir.class, ScannedSensor.class,
			Outer.Nested.class, DeeperAir.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ScannedPackages.class);

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void findsTheMeasurementTypesOfTheApplicationPackagesAndTheirSubPackages() {
		this.runner.run((context) -> assertThat(contribution(context.getBeanFactory()).getTypes())
			.containsExactlyInAnyOrderElementsOf(SCANNED_MEASUREMENTS));
	}

	@Test
	void theTypesFoundAreOnesTheClientWrites() {
		assertThat(SCANNED_MEASUREMENTS)
			.allSatisfy((type) -> assertThatNoException().isThrownBy(() -> PointMapper.checkMappable(type)));
	}

	@Test
	void aLocalMeasurementTypeIsReportedForItCannotBeRegistered(CapturedOutput output) {
		Class<?> local = Outer.localType();
		assertThatNoException().isThrownBy(() -> PointMapper.checkMappable(local));
		this.runner
			.run((context) -> assertThat(contribution(context.getBeanFactory()).getTypes()).doesNotContain(local));
		assertThat(output).contains("WARN")
			.contains(local.getName() + " is a @Measurement type, but a local or anonymous class")
			.contains("Declare it as a top-level or nested class.");
	}

	@Test
	void registersTheConstructorsFieldsAndAccessorsOfARecord() {
		RuntimeHints hints = hintsFor(ScannedAir.class);
		assertThat(this.reflection.onType(ScannedAir.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
		RecordComponent[] components = ScannedAir.class.getRecordComponents();
		assertThat(components).hasSize(3)
			.allSatisfy((component) -> assertThat(this.reflection.onMethodInvocation(component.getAccessor()))
				.as(component.getName())
				.accepts(hints));
	}

	@Test
	void registersTheFieldsOfAClassAndOfItsSuperclasses() {
		RuntimeHints hints = hintsFor(ScannedSensor.class);
		List<Field> fields = new ArrayList<>(List.of(ScannedSensor.class.getDeclaredFields()));
		fields.addAll(List.of(SensorBase.class.getDeclaredFields()));
		assertThat(fields).hasSize(2)
			.allSatisfy((field) -> assertThat(this.reflection.onFieldAccess(field)).as(field.getName()).accepts(hints));
		assertThat(this.reflection.onType(ScannedSensor.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(ScannedSensor.class, "setReading")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(SensorBase.class, "setSensorId")).accepts(hints);
	}

	@Test
	void leavesOutTypesWithoutMeasurementAndTypesOutsideThePackages() {
		this.runner.run((context) -> {
			RuntimeHints hints = new RuntimeHints();
			contribution(context.getBeanFactory()).registerHints(hints.reflection());
			assertThat(this.reflection.onType(ScannedAir.class)).accepts(hints);
			assertThat(this.reflection.onType(NotAMeasurement.class)).rejects(hints);
			assertThat(this.reflection.onType(ElsewhereAir.class)).rejects(hints);
		});
	}

	@Test
	void contributesNothingWithoutAutoConfigurationPackages() {
		assertThat(new MeasurementTypesBeanFactoryInitializationAotProcessor()
			.processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

	@Test
	void contributesNothingWhenThePackagesHoldNoMeasurementType() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, "io.cnosdb.spring.autoconfigure.aot.none");
		assertThat(new MeasurementTypesBeanFactoryInitializationAotProcessor().processAheadOfTime(beanFactory))
			.isNull();
	}

	@Test
	void aheadOfTimeProcessingOfAnApplicationRegistersItsMeasurementTypesAndTheClientsNeeds() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(ScannedApplication.class);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(ScannedApplication.class)), new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			RuntimeHints hints = generationContext.getRuntimeHints();
			assertThat(SCANNED_MEASUREMENTS).allSatisfy((type) -> assertThat(
					this.reflection.onType(type).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
				.as(type.getName())
				.accepts(hints));
			assertThat(this.reflection.onType(ElsewhereAir.class)).rejects(hints);
			assertThat(CnosDbRuntimeHints.CHECKED_CLASSES)
				.allSatisfy((className) -> assertThat(this.reflection.onType(TypeReference.of(className))).as(className)
					.accepts(hints));
		}
	}

	@Test
	void aheadOfTimeProcessingFindsTheProcessor() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anySatisfy((processor) -> assertThat(processor)
				.isInstanceOf(MeasurementTypesBeanFactoryInitializationAotProcessor.class));
	}

	private RuntimeHints hintsFor(Class<?> type) {
		RuntimeHints hints = new RuntimeHints();
		this.runner.run((context) -> contribution(context.getBeanFactory()).registerHints(hints.reflection()));
		assertThat(this.reflection.onType(type)).accepts(hints);
		return hints;
	}

	private static MeasurementTypesContribution contribution(ConfigurableListableBeanFactory beanFactory) {
		MeasurementTypesContribution contribution = new MeasurementTypesBeanFactoryInitializationAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		return contribution;
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ScannedAir.class)
	static class ScannedPackages {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ScannedAir.class)
	@ImportAutoConfiguration(classes = CnosDbAutoConfiguration.class)
	static class ScannedApplication {

	}

}
