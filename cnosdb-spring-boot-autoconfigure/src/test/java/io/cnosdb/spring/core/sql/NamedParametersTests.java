package io.cnosdb.spring.core.sql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code :name} placeholders are replaced by literals, and only outside strings, quoted
 * identifiers and comments.
 */
class NamedParametersTests {

	@Test
	void replacesPlaceholders() {
		assertThat(NamedParameters.render("select * from air where station = :station and v > :v_1",
				Map.of("station", "a", "v_1", 2)))
			.isEqualTo("select * from air where station = 'a' and v > 2");
	}

	@Test
	void sameParameterTwice() {
		assertThat(NamedParameters.render("select :x, :x", Map.of("x", 1))).isEqualTo("select 1, 1");
	}

	@Test
	void placeholdersInStringsIdentifiersAndCommentsAreLeftAlone() {
		String sql = "select ':a', 'it''s :a', \"col:a\", \"q\"\":a\" -- :a\n/* :a */ from t where x = :a";
		assertThat(NamedParameters.render(sql, Map.of("a", 7)))
			.isEqualTo("select ':a', 'it''s :a', \"col:a\", \"q\"\":a\" -- :a\n/* :a */ from t where x = 7");
	}

	@Test
	void placeholdersInNestedCommentsAndBacktickIdentifiersAreLeftAlone() {
		// The server nests block comments: a value here would end the inner comment's
		// reader,
		// not the server's, and could turn its own text into SQL.
		String sql = "select /* a /* b */ :x */ `col:x` from t where v = :x";
		assertThat(NamedParameters.render(sql, Map.of("x", "*/ or 1=1 --")))
			.isEqualTo("select /* a /* b */ :x */ `col:x` from t where v = '*/ or 1=1 --'");
	}

	@Test
	void castOperatorIsLeftAlone() {
		assertThat(NamedParameters.render("select 10::BIGINT UNSIGNED, :v::DOUBLE, time::STRING", Map.of("v", 1)))
			.isEqualTo("select 10::BIGINT UNSIGNED, 1::DOUBLE, time::STRING");
	}

	@Test
	void colonNotFollowedByANameIsLeftAlone() {
		assertThat(NamedParameters.render("select '2024-01-01 00:00:00', a : b, :1", Map.of()))
			.isEqualTo("select '2024-01-01 00:00:00', a : b, :1");
	}

	@Test
	void missingParameterNamesIt() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> NamedParameters.render("select * from t where a = :a and b = :b", Map.of("a", 1)))
			.withMessageContaining(":b");
	}

	@Test
	void nullValueIsSqlNull() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", null);
		assertThat(NamedParameters.render("select * from t where a is not distinct from :a", parameters))
			.isEqualTo("select * from t where a is not distinct from NULL");
	}

	@Test
	void collectionsAndArraysExpandForIn() {
		assertThat(NamedParameters.render("where s in (:s) and n in (:n) and d in (:d)",
				Map.of("s", List.of("a", "b'c"), "n", new int[] { 1, -2 }, "d", Set.of(1.5))))
			.isEqualTo("where s in ('a', 'b''c') and n in (1, (-2)) and d in (1.5)");
		assertThat(NamedParameters.render("where s in (:s)", Map.of("s", new String[] { "x", "y" })))
			.isEqualTo("where s in ('x', 'y')");
	}

	@Test
	void emptyCollectionIsAnError() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> NamedParameters.render("where s in (:s)", Map.of("s", List.of())))
			.withMessageContaining(":s")
			.withMessageContaining("empty");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> NamedParameters.render("where s in (:s)", Map.of("s", new long[0])));
	}

	@Test
	void injectionThroughValuesStaysInsideLiterals() {
		assertThat(NamedParameters.render("select * from t where s = :s", Map.of("s", "x' or '1'='1")))
			.isEqualTo("select * from t where s = 'x'' or ''1''=''1'");
		assertThat(NamedParameters.render("select * from t where s = :s", Map.of("s", "x\"; DROP DATABASE y; --")))
			.isEqualTo("select * from t where s = 'x\"; DROP DATABASE y; --'");
		assertThat(NamedParameters.render("select * from t where s in (:s)", Map.of("s", Arrays.asList("a'", "') --"))))
			.isEqualTo("select * from t where s in ('a''', ''') --')");
	}

	@Test
	void valueContainingAPlaceholderIsNotExpandedAgain() {
		assertThat(NamedParameters.render("select :a, :b", Map.of("a", ":b", "b", "x"))).isEqualTo("select ':b', 'x'");
	}

	@Test
	void negativeNumbersCannotFormAComment() {
		assertThat(NamedParameters.render("select v -:d, v-:e from t", Map.of("d", -1, "e", -2.5)))
			.isEqualTo("select v -(-1), v-(-2.5) from t");
	}

	@Test
	void unterminatedQuoteOrCommentKeepsTheRestVerbatim() {
		assertThat(NamedParameters.render("select ':a", Map.of())).isEqualTo("select ':a");
		assertThat(NamedParameters.render("select 1 /* :a", Map.of())).isEqualTo("select 1 /* :a");
	}

}
