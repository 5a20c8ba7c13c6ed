package io.cnosdb.spring.test.autoconfigure;

import org.junit.jupiter.api.Test;

import io.cnosdb.spring.core.sql.CnosSql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names of throwaway databases: unique, telling which test class made them, and names
 * CnosDB keeps as given.
 */
class ThrowawayCnosDatabaseTests {

	@Test
	void nameTellsTheTestClass() {
		assertThat(ThrowawayCnosDatabase.nameFor(ThrowawayCnosDatabaseTests.class))
			.matches("test_throwawaycnosdatabasetests_[0-9a-z]+");
	}

	@Test
	void namesAreUnique() {
		assertThat(ThrowawayCnosDatabase.nameFor(getClass())).isNotEqualTo(ThrowawayCnosDatabase.nameFor(getClass()));
	}

	@Test
	void nameKeepsLowerCaseLettersAndDigitsOfTheClassName() {
		assertThat(ThrowawayCnosDatabase.nameFor(Über_Class$2.class)).matches("test_berclass2_[0-9a-z]+");
		String name = ThrowawayCnosDatabase.nameFor(new Object() {
		}.getClass());
		assertThat(name).matches("test_class_[0-9a-z]+");
		assertThat(CnosSql.validateName("database", name)).isEqualTo(name);
	}

	@Test
	void nameTakesAtMostFortyCharactersOfTheClassName() {
		assertThat(ThrowawayCnosDatabase
			.nameFor(AVeryLongTestClassNameThatGoesOnAndOnAboutWhatItTestsInGreatDetailTests.class))
			.matches("test_averylongtestclassnamethatgoesonandonabo_[0-9a-z]+");
	}

	static class Über_Class$2 {

	}

	static class AVeryLongTestClassNameThatGoesOnAndOnAboutWhatItTestsInGreatDetailTests {

	}

}
