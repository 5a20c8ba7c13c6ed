package io.cnosdb.spring.core.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A table definition is checked when built, as the server would check CREATE TABLE
 * (protocol reference §6.3).
 */
class TableDefinitionTests {

	@Test
	void codecMustSuitTheType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("v", FieldType.DOUBLE, Codec.DELTA))
			.withMessageContaining("DELTA")
			.withMessageContaining("'v'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("s", FieldType.STRING, Codec.GORILLA));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("b", FieldType.BOOLEAN, Codec.GZIP));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("n", FieldType.BIGINT, Codec.BITPACK));
	}

	@ParameterizedTest
	@EnumSource(FieldType.class)
	void defaultAndNullCodecsSuitEveryType(FieldType type) {
		assertThat(type.supports(Codec.DEFAULT)).isTrue();
		assertThat(type.supports(Codec.NULL)).isTrue();
		TableDefinition.builder("t").field("f", type, Codec.NULL).build();
	}

	@Test
	void timeColumnIsImplicit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("time", FieldType.BIGINT).build())
			.withMessageContaining("time");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("v", FieldType.DOUBLE).tags("time").build());
	}

	@Test
	void duplicateColumnsFail() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> TableDefinition.builder("air").field("v", FieldType.DOUBLE).field("v", FieldType.BIGINT).build())
			.withMessageContaining("'v' twice");
		assertThatIllegalArgumentException().isThrownBy(
				() -> TableDefinition.builder("air").field("station", FieldType.STRING).tags("station").build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("v", FieldType.DOUBLE).tags("a", "a").build());
	}

	@Test
	void atLeastOneFieldIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> TableDefinition.builder("air").tags("station").build())
			.withMessageContaining("at least one field");
		assertThatIllegalArgumentException().isThrownBy(() -> new TableDefinition("air", List.of(), List.of(), false));
	}

	@Test
	void namesAreValidated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("a/b").field("v", FieldType.DOUBLE).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field(" ", FieldType.DOUBLE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableDefinition.builder("air").field("v", FieldType.DOUBLE).tags("\uD800").build());
		assertThatIllegalArgumentException().isThrownBy(() -> TableDefinition.builder("air").field("v", null));
	}

	@Test
	void definitionIsImmutable() {
		TableDefinition table = TableDefinition.builder("air").field("v", FieldType.DOUBLE).tags("s").build();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> table.tags().add("x"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> table.fields().clear());
	}

	@Test
	void namesWithQuotesAreQuotedInTheStatement() {
		TableDefinition table = TableDefinition.builder("we\"ird")
			.field("a\"b", FieldType.STRING, Codec.GZIP)
			.tags("t\"1")
			.build();
		assertThat(DdlStatements.createTable(table))
			.isEqualTo("CREATE TABLE \"we\"\"ird\" (\"a\"\"b\" STRING CODEC(GZIP), TAGS(\"t\"\"1\"))");
	}

}
