package io.cnosdb.spring.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cnosdb.spring.testsupport.MockCnosDb;

import org.springframework.dao.DataRetrievalFailureException;

import static io.cnosdb.spring.testsupport.RecordedAnswers.handWritten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers that are not the CSV the server writes fail with a
 * {@link DataRetrievalFailureException} naming the problem, in every read API, rather
 * than read as rows: a page that is not CSV, rows with another number of cells than the
 * header, and bytes that are not UTF-8.
 */
class CnosTemplateMalformedAnswerWireTests {

	@RegisterExtension
	final MockCnosDb db = new MockCnosDb();

	private final CnosTemplate template = this.db.template();

	static Stream<Arguments> readApis() {
		return Stream.concat(
				Stream.of(api("execute", (template) -> template.execute("SELECT 1")),
						api("update", (template) -> CnosClient.create(template).sql("SELECT 1").update())),
				rowReadingApis());
	}

	/** The APIs that read every row. */
	static Stream<Arguments> rowReadingApis() {
		return Stream.of(api("queryForList", (template) -> template.queryForList("SELECT 1")),
				api("query with a RowMapper", (template) -> template.query("SELECT 1", (row, n) -> row.getString(0))),
				api("query with a RowCallbackHandler",
						(template) -> template.query("SELECT 1", (row) -> row.getString(0))),
				api("queryForStream", (template) -> {
					try (Stream<String> rows = template.queryForStream("SELECT 1", (row, n) -> row.getString(0))) {
						rows.forEach((row) -> {
						});
					}
				}));
	}

	private static Arguments api(String name, Consumer<CnosTemplate> call) {
		return Arguments.of(name, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readApis")
	void htmlPageAnsweredWithOkIsNotReadAsRows(String name, Consumer<CnosTemplate> call) {
		// A proxy or another service at the URL: its first line became the column names.
		this.db.enqueue(new MockResponse.Builder().code(200)
			.addHeader("content-type", "text/html; charset=utf-8")
			.body("<!DOCTYPE html>\n<html><body>Welcome</body></html>\n")
			.build());
		assertThatExceptionOfType(DataRetrievalFailureException.class).isThrownBy(() -> call.accept(this.template))
			.withMessageContaining("content type 'text/html; charset=utf-8' instead of CSV")
			.withMessageContaining(this.db.url().replaceAll("/$", ""))
			.withMessageContaining("executing SQL [SELECT 1]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "text/plain", "application/octet-stream", "not a media type" })
	void otherContentTypesFail(String contentType) {
		this.db.enqueue(
				new MockResponse.Builder().code(200).addHeader("content-type", contentType).body("a\n1\n").build());
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("SELECT a FROM t"))
			.withMessageContaining("content type '" + contentType + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/csv", "application/csv", "text/csv; charset=utf-8", "Application/CSV" })
	void csvContentTypesAreRead(String contentType) {
		this.db.enqueue(
				new MockResponse.Builder().code(200).addHeader("content-type", contentType).body("a\n1\n").build());
		assertThat(this.template.queryForList("SELECT a FROM t")).containsExactly(Map.of("a", "1"));
	}

	@Test
	void answerWithoutContentTypeIsRead() {
		// CnosDB 2.4.2.1 sends application/csv with every result, "rows⏎3⏎" of an INSERT
		// too
		// (fixture insert-two-rows); this is the answer with the header lost, as on the
		// way
		// through a proxy.
		this.db.enqueue(new MockResponse.Builder().code(200).body("rows\n3\n").build());
		assertThat(
				CnosClient.create(this.template).sql("INSERT INTO t (time, f) VALUES (1, 1), (2, 2), (3, 3)").update())
			.isEqualTo(3);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rowReadingApis")
	void shortLastRowFailsNamingTheRow(String name, Consumer<CnosTemplate> call) {
		// The missing value read as NULL.
		this.db.enqueue(csv("a,b\n1,2\n3\n"));
		assertThatExceptionOfType(DataRetrievalFailureException.class).isThrownBy(() -> call.accept(this.template))
			.withMessageContaining("Invalid CSV in row 1")
			.withMessageContaining("it has 1 value(s) but the header names 2 column(s)");
	}

	@Test
	void longRowFailsNamingTheRow() {
		this.db.enqueue(csv("a,b\n1,2,3\n"));
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("SELECT a, b FROM t"))
			.withMessageContaining("Invalid CSV in row 0")
			.withMessageContaining("it has 3 value(s) but the header names 2 column(s)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "C3 28", "FF", "ED A0 80", "C0 AF", "E2 82" })
	void invalidUtf8InAValueFailsNamingColumnAndRow(String hex) {
		// Each became U+FFFD: an overlong '/', a lone surrogate, a cut-off sequence,
		// bytes no
		// sequence starts with.
		this.db.enqueue(csvBytes(bytes("id,name\n1,ok\n2,x"), hexBytes(hex), bytes("\n")));
		List<String> names = new java.util.ArrayList<>();
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.query("SELECT id, name FROM t", (row) -> names.add(row.getString("name"))))
			.withMessageContaining("column 'name' in row 1")
			.withMessageContaining("is not valid UTF-8: byte 0x" + hex.substring(0, 2) + " at offset 1");
		assertThat(names).containsExactly("ok");
	}

	@Test
	void invalidUtf8InALongValueFails() {
		// Longer than the string cache holds: decoded on its own path.
		this.db.enqueue(csvBytes(bytes("name\n" + "z".repeat(100)), hexBytes("FE"), bytes("\n")));
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("SELECT name FROM t"))
			.withMessageContaining("column 'name' in row 0")
			.withMessageContaining("byte 0xFE at offset 100 of 101");
	}

	@Test
	void invalidUtf8InTheHeaderFails() {
		this.db.enqueue(csvBytes(bytes("id,n"), hexBytes("C3"), bytes("\n1,2\n")));
		assertThatExceptionOfType(DataRetrievalFailureException.class)
			.isThrownBy(() -> this.template.queryForList("SELECT 1"))
			.withMessageContaining("Invalid header of the answer: column 1 is not valid UTF-8: byte 0xC3 at offset 1");
	}

	@Test
	void validUtf8IncludingAReplacementCharacterTheServerSentIsRead() {
		String text = "温度 \uFFFD 🌡";
		this.db.enqueue(csv("名字,long\n" + text + "," + text.repeat(10) + "\n"));
		assertThat(this.template.queryForList("SELECT 1")).containsExactly(Map.of("名字", text, "long", text.repeat(10)));
	}

	/**
	 * A body the server does not write, in the status and headers of its answer to
	 * {@code select 1}.
	 */
	private static MockResponse csv(String body) {
		return handWritten("select-1", body, "CnosDB writes well-formed CSV; this is a damaged answer").build();
	}

	private static MockResponse csvBytes(byte[]... parts) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			body.writeBytes(part);
		}
		return new MockResponse.Builder().code(200)
			.addHeader("content-type", "application/csv")
			.body(new Buffer().write(body.toByteArray()))
			.build();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] hexBytes(String hex) {
		String[] parts = hex.split(" ");
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i], 16);
		}
		return bytes;
	}

}
