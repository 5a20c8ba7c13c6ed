package io.cnosdb.spring.architecture;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guard rails of the layering that the README's "Architecture" table describes: every
 * package uses only the packages the table allows it, so the packages form no cycle; the
 * client is usable without Spring Boot and knows nothing of what is built on it; the
 * optional integrations stay apart.
 */
class ArchitectureTests {

	private static final String BASE = "io.cnosdb.spring.";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.cnosdb.spring");

	/**
	 * The README's "Architecture" table: each package of this project and the packages of
	 * this project it may use (itself and its sub-packages always). Anything not listed
	 * may not be used.
	 */
	static final Map<String, List<String>> ALLOWED = ArchitectureTable.read(Path.of("..", "README.md"));

	@TestFactory
	List<DynamicTest> eachPackageUsesOnlyThePackagesTheTableAllows() {
		return ALLOWED.entrySet().stream().map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> {
			String[] forbidden = ALLOWED.keySet()
				.stream()
				.filter((other) -> !other.equals(entry.getKey()) && !entry.getValue().contains(other))
				.map((other) -> BASE + other)
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(BASE + entry.getKey())
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(forbidden)
				.because("the README's Architecture table allows " + entry.getKey() + " only " + entry.getValue())
				.check(MAIN);
		})).toList();
	}

	@Test
	void everyPackageIsInTheTable() {
		Set<String> packages = MAIN.stream()
			.map((javaClass) -> javaClass.getPackageName().substring(BASE.length()))
			.filter((name) -> !name.startsWith("core.write.annotation"))
			.collect(Collectors.toSet());
		assertThat(ALLOWED.keySet()).containsAll(packages);
	}

	@Test
	void theTableNamesOnlyPackagesThatExist() {
		Set<String> packages = MAIN.stream()
			.map((javaClass) -> javaClass.getPackageName().substring(BASE.length()))
			.collect(Collectors.toSet());
		assertThat(packages).containsAll(ALLOWED.keySet());
		ALLOWED.values().forEach((used) -> assertThat(ALLOWED.keySet()).containsAll(used));
	}

	@Test
	void theClientPackagesFormNoCycle() {
		slices().matching("io.cnosdb.spring.core.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theClientDoesNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.cnosdb.spring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(MAIN);
	}

	@Test
	void theClientDoesNotDependOnWhatIsBuiltOnIt() {
		noClasses().that()
			.resideInAPackage("io.cnosdb.spring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.cnosdb.spring.autoconfigure..", "io.cnosdb.spring.testcontainers..",
					"io.cnosdb.spring.docker..")
			.check(MAIN);
	}

	@Test
	void theClientDoesNotNeedTestcontainersOrHttpClientImplementationsAtCompileTime() {
		// HttpClient 5 is optional and reached only through ClassUtils checks in small
		// holder
		// classes; Testcontainers belongs to the testcontainers package alone.
		noClasses().that()
			.resideInAPackage("io.cnosdb.spring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.testcontainers..", "org.springframework.boot.docker..")
			.check(MAIN);
	}

	@Test
	void optionalIntegrationsStayApart() {
		noClasses().that()
			.resideInAPackage("io.cnosdb.spring.testcontainers..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.cnosdb.spring.docker..")
			.check(MAIN);
		noClasses().that()
			.resideInAPackage("io.cnosdb.spring.docker..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.cnosdb.spring.testcontainers..")
			.check(MAIN);
	}

}
