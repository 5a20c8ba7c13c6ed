package io.cnosdb.spring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cnosdb.spring.autoconfigure.CnosDbProperties;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor.Settings;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.javapoet.ClassName;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Spring Boot's ahead-of-time processing of the sample, as
 * {@code spring-boot:process-aot} runs it for a native image (in this JVM, without
 * compiling what it generates): the hints written for the native image cover the sample's
 * {@code @Measurement} record and everything the starter reaches through reflection.
 */
class SampleAotProcessingTests {

	private static final String PROJECT_PACKAGE = "io.cnosdb.spring.";

	@TempDir
	static Path output;

	private static RuntimeHints hints;

	/** What the starter's processors alone register for the sample's bean factory. */
	private static RuntimeHints startersProcessorHints;

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@BeforeAll
	static void processTheSampleAheadOfTime() {
		Settings settings = Settings.builder()
			.sourceOutput(output.resolve("sources"))
			.resourceOutput(output.resolve("resources"))
			.classOutput(output.resolve("classes"))
			.groupId("io.cnosdb")
			.artifactId("sample-app")
			.build();
		HintsKeepingProcessor processor = new HintsKeepingProcessor(settings);
		processor.process();
		hints = processor.hints;
		startersProcessorHints = processor.startersProcessorHints;
		assertThat(hints).isNotNull();
	}

	@Test
	void theStartersProcessorFindsTheMeasurementRecord() {
		// Spring MVC registers Reading too, for the JSON it answers with: this checks
		// the starter's own share.
		assertThat(this.reflection.onType(Reading.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(startersProcessorHints);
		assertThat(Reading.class.getRecordComponents())
			.allSatisfy((component) -> assertThat(this.reflection.onMethodInvocation(component.getAccessor()))
				.as(component.getName())
				.accepts(startersProcessorHints));
	}

	@Test
	void theMeasurementRecordCanBeWrittenAndReadBack() {
		assertThat(this.reflection.onType(Reading.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
		assertThat(Reading.class.getRecordComponents()).hasSize(5)
			.allSatisfy((component) -> assertThat(this.reflection.onMethodInvocation(component.getAccessor()))
				.as(component.getName())
				.accepts(hints));
	}

	@Test
	void whatTheStartersRegistrarsRegisterIsInTheApplicationsHintsUnconditionally() {
		RuntimeHints starters = new RuntimeHints();
		List<RuntimeHintsRegistrar> registrars = AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.stream()
			.filter((registrar) -> registrar.getClass().getName().startsWith(PROJECT_PACKAGE))
			.toList();
		assertThat(registrars).isNotEmpty();
		registrars.forEach((registrar) -> registrar.registerHints(starters, getClass().getClassLoader()));
		List<TypeHint> typeHints = starters.reflection().typeHints().toList();
		assertThat(typeHints).extracting((typeHint) -> typeHint.getType().getName())
			.contains("org.apache.hc.core5.http.io.EofSensorInputStream");
		assertThat(typeHints).allSatisfy((typeHint) -> {
			MemberCategory[] categories = typeHint.getMemberCategories().toArray(MemberCategory[]::new);
			assertThat((categories.length > 0)
					? this.reflection.onType(typeHint.getType()).withMemberCategories(categories)
					: this.reflection.onType(typeHint.getType()))
				.as(typeHint.getType().getName())
				.accepts(hints);
			// A condition another library puts on the same type would hold back a lookup
			// by name until the class is loaded otherwise, which the lookup never does.
			if (typeHint.getReachableType() == null) {
				assertThat(hints.reflection().getTypeHint(typeHint.getType()).getReachableType())
					.as(typeHint.getType().getName())
					.isNull();
			}
		});
	}

	@Test
	void theStartersPropertiesCanBeBound() {
		List<Method> setters = new ArrayList<>();
		collectSetters(CnosDbProperties.class, setters);
		assertThat(setters).extracting(Method::getName).contains("setUrl", "setPrecision", "setFlushInterval");
		assertThat(setters).allSatisfy((setter) -> assertThat(this.reflection.onMethodInvocation(setter))
			.as(setter.getDeclaringClass().getSimpleName() + "." + setter.getName())
			.accepts(hints));
	}

	/**
	 * The setters of a properties class and of the nested properties classes it holds.
	 */
	private static void collectSetters(Class<?> type, List<Method> setters) {
		for (Method method : type.getMethods()) {
			if (method.getName().startsWith("set") && method.getParameterCount() == 1) {
				setters.add(method);
			}
			else if (method.getName().startsWith("get") && method.getParameterCount() == 0
					&& method.getReturnType().getName().startsWith(CnosDbProperties.class.getPackageName() + ".")) {
				collectSetters(method.getReturnType(), setters);
			}
		}
	}

	@Test
	void theStartersFactoriesCanBeInstantiated() {
		List<String> factories = projectFactories();
		assertThat(factories).contains("io.cnosdb.spring.autoconfigure.diagnostics.CnosDbCredentialsFailureAnalyzer")
			.allSatisfy((className) -> assertThat(this.reflection.onType(TypeReference.of(className))
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(className).accepts(hints));
	}

	@Test
	void theHintsAreWrittenForNativeImage() throws IOException {
		Path metadata = output
			.resolve("resources/META-INF/native-image/io.cnosdb/sample-app/reachability-metadata.json");
		JsonNode reflection = JsonMapper.builder().build().readTree(Files.readString(metadata)).get("reflection");
		List<JsonNode> entries = reflection.valueStream().toList();
		List<String> types = entries.stream().map((entry) -> entry.get("type").asString()).toList();
		assertThat(types).contains(Reading.class.getName(), "org.apache.hc.core5.http.io.EofSensorInputStream",
				"io.cnosdb.spring.autoconfigure.CnosDbProperties");
		JsonNode reading = entries.get(types.indexOf(Reading.class.getName()));
		assertThat(reading.get("allDeclaredFields").asBoolean()).isTrue();
		assertThat(reading.get("allDeclaredConstructors").asBoolean()).isTrue();
		List<String> methods = new ArrayList<>();
		reading.get("methods").valueStream().forEach((method) -> methods.add(method.get("name").asString()));
		assertThat(methods)
			.containsAll(Arrays.stream(Reading.class.getRecordComponents()).map(RecordComponent::getName).toList());
	}

	@Test
	void theAutoConfiguredBeansAreDefinedByGeneratedCode() throws IOException {
		Path generated = output.resolve("sources/io/cnosdb/spring/autoconfigure");
		List<String> sources;
		try (Stream<Path> files = Files.walk(generated)) {
			sources = files.filter((file) -> file.toString().endsWith(".java"))
				.map(SampleAotProcessingTests::read)
				.toList();
		}
		assertThat(sources).anySatisfy((source) -> assertThat(source).contains("\"cnosTemplate\""))
			.anySatisfy((source) -> assertThat(source).contains("\"cnosClient\""));
	}

	/**
	 * The classes of this project that {@code META-INF/spring.factories} files name,
	 * which Spring Boot instantiates through reflection.
	 */
	private static List<String> projectFactories() {
		List<String> classNames = new ArrayList<>();
		try {
			for (URL url : Collections
				.list(SampleAotProcessingTests.class.getClassLoader().getResources("META-INF/spring.factories"))) {
				Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
				for (String value : factories.stringPropertyNames().stream().map(factories::getProperty).toList()) {
					for (String className : StringUtils.commaDelimitedListToStringArray(value)) {
						if (className.trim().startsWith(PROJECT_PACKAGE)) {
							classNames.add(className.trim());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return classNames;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Spring Boot's processor, keeping the hints it writes. The application runs with
	 * Docker Compose support off, so that processing never starts a container.
	 */
	private static final class HintsKeepingProcessor extends SpringApplicationAotProcessor {

		private RuntimeHints hints;

		private final RuntimeHints startersProcessorHints = new RuntimeHints();

		HintsKeepingProcessor(Settings settings) {
			super(SampleApplication.class, settings, new String[] { "--spring.docker.compose.enabled=false" });
		}

		@Override
		protected ClassName performAotProcessing(GenericApplicationContext applicationContext) {
			ClassName initializer = super.performAotProcessing(applicationContext);
			GenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(SampleApplication.class)), new InMemoryGeneratedFiles(),
					this.startersProcessorHints);
			AotServices.factories()
				.load(BeanFactoryInitializationAotProcessor.class)
				.stream()
				.filter((processor) -> processor.getClass().getName().startsWith(PROJECT_PACKAGE))
				.map((processor) -> processor.processAheadOfTime(applicationContext.getBeanFactory()))
				.filter(Objects::nonNull)
				.forEach((contribution) -> contribution.applyTo(generationContext,
						mock(BeanFactoryInitializationCode.class)));
			return initializer;
		}

		@Override
		protected void writeHints(RuntimeHints hints) {
			this.hints = hints;
			super.writeHints(hints);
		}

	}

}
