package io.cnosdb.spring.autoconfigure.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CnosDbRuntimeHints}: what the client reaches through reflection is
 * registered, and the registrar is found by ahead-of-time processing.
 */
class CnosDbRuntimeHintsTests {

	/**
	 * {@code ClassUtils.isPresent("…"} or {@code ClassUtils\n.isPresent(\n"…"}, as the
	 * formatter lays it out.
	 */
	private static final Pattern IS_PRESENT = Pattern.compile("ClassUtils\\s*\\.isPresent\\(\\s*\"([^\"]+)\"");

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void everyClassTheMainCodeLooksForIsRegistered() {
		Set<String> checked = classNamesCheckedWithIsPresent(Path.of("src", "main", "java"));
		RuntimeHints hints = registeredHints(getClass().getClassLoader());
		assertThat(checked).isNotEmpty()
			.allSatisfy((className) -> assertThat(this.reflection.onType(TypeReference.of(className))).as(className)
				.accepts(hints));
	}

	@Test
	void everyClassRegisteredIsOneTheMainCodeLooksFor() {
		assertThat(CnosDbRuntimeHints.CHECKED_CLASSES)
			.containsExactlyInAnyOrderElementsOf(classNamesCheckedWithIsPresent(Path.of("src", "main", "java")));
	}

	@Test
	void classesThatAreAbsentAtBuildTimeAreLeftOut() {
		RuntimeHints hints = registeredHints(
				new FilteredClassLoader("org.apache.hc.", "org.springframework.boot.sql."));
		assertThat(CnosDbRuntimeHints.CHECKED_CLASSES)
			.allSatisfy((className) -> assertThat(this.reflection.onType(TypeReference.of(className))).rejects(hints));
		assertThat(this.reflection.onType(LinkedHashMap.class)).accepts(hints);
	}

	@Test
	void theMapTypeJacksonReadsAnswersIntoIsRegistered() {
		Map<?, ?> ping = JsonMapper.builder()
			.build()
			.readValue("{\"version\":\"2.4.2\",\"status\":\"healthy\"}", Map.class);
		assertThat(this.reflection.onType(ping.getClass())).accepts(registeredHints(getClass().getClassLoader()));
	}

	@Test
	void aheadOfTimeProcessingFindsTheRegistrar() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anySatisfy((registrar) -> assertThat(registrar).isInstanceOf(CnosDbRuntimeHints.class));
	}

	private static RuntimeHints registeredHints(ClassLoader classLoader) {
		RuntimeHints hints = new RuntimeHints();
		new CnosDbRuntimeHints().registerHints(hints, classLoader);
		return hints;
	}

	private static Set<String> classNamesCheckedWithIsPresent(Path sources) {
		Set<String> classNames = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				Matcher matcher = IS_PRESENT.matcher(read(file));
				while (matcher.find()) {
					classNames.add(matcher.group(1));
				}
			});
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

}
