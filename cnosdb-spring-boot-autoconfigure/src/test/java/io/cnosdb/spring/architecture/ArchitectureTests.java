package io.cnosdb.spring.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guard rails of the design's layering: the client ({@code io.cnosdb.spring.core}) is usable
 * without Spring Boot and knows nothing of the Boot glue, Testcontainers or Docker Compose
 * built on it; the optional integrations stay apart from each other.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.cnosdb.spring");

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
		// HttpClient 5 is optional and reached only through ClassUtils checks in small holder
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
