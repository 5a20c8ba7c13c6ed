package io.cnosdb.spring.core.result;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cnosdb.spring.testsupport.SlicedCsv.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The byte-level CSV reader: RFC 4180 quoting as CnosDB writes it, rows that straddle
 * buffer refills however the body arrives, and clear errors for answers that are not CSV.
 */
class CsvResultReaderTests {

	private static final String[] PIECES = { "a", "xyz", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "北京", "Zürich",
			"😀", "1.5", "-inf", "2023-01-01T00:00:00.000000001", "{" };

	/**
	 * The error object CnosDB 2.4.2 appends when a streamed query fails after its 200.
	 */
	private static final String SERVER_ERROR = "{\"error_code\": \"040007\", \"error_message\": \"Fetch result: Arrow: "
			+ "Cast error: Cannot cast string 'x' to value of Int64 type\"}";

	@Test
	void emptyBodyHasNoColumnsAndNoRows() {
		CsvResultReader reader = reader("", 64, 64);
		assertThat(reader.columns().count()).isZero();
		assertThat(reader.next()).isFalse();
	}

	@Test
	void headerOnlyHasColumnsAndNoRows() {
		CsvResultReader reader = reader("time,station\n", 64, 64);
		assertThat(reader.columns().names()).containsExactly("time", "station");
		assertThat(reader.next()).isFalse();
	}

	@Test
	void lastRowWithoutLineBreakIsRead() {
		assertThat(rows("a,b\n1,2\n3,4", 64, 64)).containsExactly(List.of("1", "2"), List.of("3", "4"));
	}

	@Test
	void emptyCellsAndATrailingCommaAtTheEndOfTheBody() {
		assertThat(rows("a,b,c\n,,\n1,,", 2, 1)).containsExactly(List.of("", "", ""), List.of("1", "", ""));
	}

	@Test
	void rowWithAnotherNumberOfCellsThanTheHeaderIsAClearError() {
		// A short last row read as NULLs in its missing columns.
		CsvResultReader reader = reader("a,b,c\n1,2,3\n1,\n", 64, 64);
		assertThat(reader.next()).isTrue();
		assertThatIllegalStateException().isThrownBy(reader::next)
			.withMessage("Invalid CSV in row 1 (counted from 0 after the header): it has 2 value(s) but the header "
					+ "names 3 column(s); was the answer cut short?");
		assertThatIllegalStateException().isThrownBy(() -> reader("a\n1,2\n", 64, 64).next())
			.withMessageContaining("it has 2 value(s) but the header names 1 column(s)");
	}

	@Test
	void crlfAndLfAndCrEndRows() {
		assertThat(rows("a,b\r\n1,2\r\n3,4\n5,6\r7,8\r\n", 3, 1)).containsExactly(List.of("1", "2"), List.of("3", "4"),
				List.of("5", "6"), List.of("7", "8"));
	}

	@Test
	void quotedCellsKeepCommasQuotesAndLineBreaks() {
		assertThat(rows("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\r\nline2\"\n\"\"\"\",\"\",z\n", 4, 1))
			.containsExactly(List.of("x,y", "say \"hi\"", "line1\r\nline2"), List.of("\"", "", "z"));
	}

	@Test
	void quoteInsideAnUnquotedCellIsText() {
		assertThat(rows("a\nab\"c\n", 64, 64)).containsExactly(List.of("ab\"c"));
	}

	@Test
	void cellLargerThanTheBufferGrowsIt() {
		String big = "v\"\n,".repeat(100_000);
		String quoted = "\"" + big.replace("\"", "\"\"") + "\"";
		assertThat(rows("s,t\n" + quoted + ",x\nshort,y\n", 16, 1000)).containsExactly(List.of(big, "x"),
				List.of("short", "y"));
	}

	@Test
	void unterminatedQuoteIsAClearError() {
		CsvResultReader reader = reader("a,b\n1,2\n3,\"open\n", 64, 64);
		assertThat(reader.next()).isTrue();
		assertThatIllegalStateException().isThrownBy(reader::next)
			.withMessage("Invalid CSV in row 1: the answer ended inside a quoted value");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 8, 64 })
	void anErrorObjectAfterTheRowsFailsWhereTheNextRowWouldBe(int bufferSize) {
		CsvResultReader reader = reader("a,b\n1,2\n3,4\n" + SERVER_ERROR, bufferSize, 1);
		assertThat(reader.next()).isTrue();
		assertThat(reader.next()).isTrue();
		assertThat(reader.text(0)).isEqualTo("3");
		assertThatExceptionOfType(CsvResultReader.ServerErrorException.class).isThrownBy(reader::next)
			.withMessage("The server reported a failure after 2 row(s) of the answer")
			.satisfies((ex) -> {
				assertThat(ex.rowsBefore()).isEqualTo(2);
				assertThat(ex.serverError()).isEqualTo(SERVER_ERROR);
			});
		// The answer has ended: asking again neither reads on nor hands out a row.
		assertThatExceptionOfType(CsvResultReader.ServerErrorException.class).isThrownBy(reader::next)
			.satisfies((ex) -> assertThat(ex.serverError()).isEqualTo(SERVER_ERROR));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 64 })
	void anErrorObjectInsteadOfTheHeaderFailsBeforeAnyRow(int bufferSize) {
		assertThatExceptionOfType(CsvResultReader.ServerErrorException.class)
			.isThrownBy(() -> reader(SERVER_ERROR, bufferSize, 1))
			.satisfies((ex) -> {
				assertThat(ex.rowsBefore()).isZero();
				assertThat(ex.serverError()).isEqualTo(SERVER_ERROR);
			});
	}

	@Test
	void aServerErrorMessageIsNotPartOfTheExceptionMessage() {
		String error = "{\"error_code\": \"040007\", \"error_message\": \"Fetch result: secret-value\"}\n";
		assertThatExceptionOfType(CsvResultReader.ServerErrorException.class)
			.isThrownBy(() -> reader("a\n" + error, 64, 64).next())
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret-value"))
			.satisfies((ex) -> assertThat(ex.serverError()).isEqualTo(error.strip()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 64 })
	void aValueStartingWithABraceIsARow(int bufferSize) {
		// The server quotes a value holding a quote, so only its error starts a line
		// with {".
		assertThat(rows("a,b\n{,x\n{x},y\n\"{\"\"k\"\"}\",z\n{,", bufferSize, 1)).containsExactly(List.of("{", "x"),
				List.of("{x}", "y"), List.of("{\"k\"}", "z"), List.of("{", ""));
	}

	@Test
	void textAfterAClosingQuoteIsAClearError() {
		CsvResultReader reader = reader("a\n\"x\"y\n", 64, 64);
		assertThatIllegalStateException().isThrownBy(reader::next)
			.withMessage(
					"Invalid CSV in row 0: 'y' after the closing quote of a value (expected a comma or a line break)");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 8, 64, 65536 })
	void randomAnswersReadTheSameHoweverTheyArrive(int bufferSize) {
		SplittableRandom random = new SplittableRandom(bufferSize);
		for (int round = 0; round < 40; round++) {
			List<List<String>> expected = new ArrayList<>();
			int columns = 1 + random.nextInt(5);
			StringBuilder csv = new StringBuilder();
			List<String> header = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				header.add("c" + c);
			}
			appendRow(csv, header, random);
			int rows = random.nextInt(30);
			for (int r = 0; r < rows; r++) {
				List<String> row = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					row.add(randomCell(random));
				}
				if (columns == 1 && row.get(0).isEmpty()) {
					row.set(0, "x");
				}
				expected.add(row);
				appendRow(csv, row, random);
			}
			int slice = 1 + random.nextInt(7);
			assertThat(rows(csv.toString(), bufferSize, slice)).as("%s", csv).isEqualTo(expected);
		}
	}

	@Test
	void separatorsAreFoundAtEveryPlaceOfAWordAsAByteByByteScanFindsThem() {
		SplittableRandom random = new SplittableRandom(8);
		byte[] fillers = { 'a', '"', ' ', '\t', 0x0B, 0x0C, 0x2B, 0x2D, (byte) 0x8A, (byte) 0xAC, (byte) 0x8D, 0 };
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(1, 40)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = fillers[random.nextInt(fillers.length)];
			}
			int separators = random.nextInt(3);
			for (int i = 0; i < separators; i++) {
				bytes[random.nextInt(bytes.length)] = (byte) ",\n\r".charAt(random.nextInt(3));
			}
			int from = random.nextInt(bytes.length);
			int to = random.nextInt(from, bytes.length + 1);
			assertThat(CsvResultReader.indexOfSeparator(bytes, from, to))
				.isEqualTo(indexOfSeparatorByteByByte(bytes, from, to));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 16, 100, 65536 })
	void longCellsArrivingInLargeSlicesReadTheSame(int bufferSize) {
		SplittableRandom random = new SplittableRandom(bufferSize);
		for (int round = 0; round < 40; round++) {
			List<List<String>> expected = new ArrayList<>();
			StringBuilder csv = new StringBuilder("a,b,c\n");
			for (int r = random.nextInt(200); r > 0; r--) {
				List<String> row = new ArrayList<>();
				for (int c = 0; c < 3; c++) {
					row.add("x".repeat(random.nextInt(1, 40)) + randomCell(random));
				}
				expected.add(row);
				appendRow(csv, row, random);
			}
			assertThat(rows(csv.toString(), bufferSize, 1 + random.nextInt(300))).isEqualTo(expected);
		}
	}

	private static int indexOfSeparatorByteByByte(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == ',' || bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return to;
	}

	private static String randomCell(SplittableRandom random) {
		StringBuilder cell = new StringBuilder();
		int pieces = random.nextInt(4);
		for (int i = 0; i < pieces; i++) {
			cell.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return cell.toString();
	}

	/**
	 * Writes as the server does: quotes only where needed, quotes doubled, LF or CRLF.
	 */
	private static void appendRow(StringBuilder csv, List<String> row, SplittableRandom random) {
		for (int i = 0; i < row.size(); i++) {
			String cell = row.get(i);
			if (i > 0) {
				csv.append(',');
			}
			boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
					|| random.nextInt(10) == 0;
			csv.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
		}
		csv.append(random.nextBoolean() ? "\n" : "\r\n");
	}

	private static List<List<String>> rows(String csv, int bufferSize, int slice) {
		CsvResultReader reader = reader(csv, bufferSize, slice);
		List<List<String>> rows = new ArrayList<>();
		while (reader.next()) {
			List<String> row = new ArrayList<>();
			for (int i = 0; i < reader.cellCount; i++) {
				row.add(reader.text(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
