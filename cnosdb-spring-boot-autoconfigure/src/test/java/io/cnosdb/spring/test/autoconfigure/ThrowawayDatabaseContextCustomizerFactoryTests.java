package io.cnosdb.spring.test.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.cnosdb.spring.test.autoconfigure.CnosDbTest.Database;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which test classes get a throwaway database: those whose {@code @CnosDbTest} or
 * {@code @AutoConfigureCnosDb} asks for one, each its own.
 */
class ThrowawayDatabaseContextCustomizerFactoryTests {

	private final ThrowawayDatabaseContextCustomizerFactory factory = new ThrowawayDatabaseContextCustomizerFactory();

	@Test
	void noneWithoutTheAnnotation() {
		assertThat(customizer(Unannotated.class)).isNull();
	}

	@Test
	void noneForTheConfiguredDatabase() {
		assertThat(customizer(Configured.class)).isNull();
		assertThat(customizer(ConfiguredExplicitly.class)).isNull();
		assertThat(customizer(AutoConfigured.class)).isNull();
	}

	@Test
	void oneForAThrowawayDatabaseOfTheSlice() {
		assertThat(customizer(Throwaway.class)).isNotNull();
	}

	@Test
	void oneForAThrowawayDatabaseOfAutoConfigureCnosDb() {
		assertThat(customizer(AutoConfiguredThrowaway.class)).isNotNull();
	}

	@Test
	void oneForASubclassOfAThrowawayTestClass() {
		assertThat(customizer(ThrowawaySubclass.class)).isNotNull();
	}

	@Test
	void eachTestClassGetsAContextOfItsOwn() {
		assertThat(customizer(Throwaway.class)).isEqualTo(customizer(Throwaway.class))
			.hasSameHashCodeAs(customizer(Throwaway.class))
			.isNotEqualTo(customizer(AutoConfiguredThrowaway.class));
	}

	@Test
	void nestedTestClassesInheritTheEnclosingClasssChoice() {
		assertThat(customizer(Throwaway.Inner.class)).isNotNull();
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	static class Unannotated {

	}

	@CnosDbTest
	static class Configured {

	}

	@CnosDbTest(database = Database.CONFIGURED)
	static class ConfiguredExplicitly {

	}

	@AutoConfigureCnosDb
	static class AutoConfigured {

	}

	@CnosDbTest(database = Database.THROWAWAY)
	static class Throwaway {

		@Nested
		class Inner {

		}

	}

	@AutoConfigureCnosDb(database = Database.THROWAWAY)
	static class AutoConfiguredThrowaway {

	}

	static class ThrowawaySubclass extends Throwaway {

	}

}
