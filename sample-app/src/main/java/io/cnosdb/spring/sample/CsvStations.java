package io.cnosdb.spring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.cnosdb.spring.core.csv.CsvImportException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Checks the {@code station} column of an uploaded CSV file against the rule the JSON API
 * applies, before the starter's {@code writeCsv} sends anything: the importer writes an
 * empty value as a missing tag, so a row without a station would otherwise become a
 * reading of no station, and a bad name would be written as it is.
 * <p>
 * The file is read as a stream, one row at a time, as the importer reads it (commas,
 * empty lines skipped, a byte order mark ignored), and lines are counted the same way, so
 * the line reported is the one the importer would report. Anything else wrong with a row,
 * and CSV that cannot be parsed, is left to the importer, which stops at that row.
 */
final class CsvStations {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

	private CsvStations() {
	}

	/**
	 * Check the station of every row of {@code csv}.
	 * @param csv the uploaded file
	 * @param name the file name the importer's messages use
	 * @throws CsvImportException naming the line of the first row without a valid
	 * station, with nothing written
	 */
	static void check(Path csv, String name) throws IOException {
		try (InputStream in = Files.newInputStream(csv);
				JsonParser parser = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).createParser(in)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				// No header at all: the importer says the file is empty.
				return;
			}
			int station = stationColumn(parser);
			if (station < 0) {
				throw refused(name, 1, "the header has no 'station' column, and every reading needs a station");
			}
			while (parser.nextToken() == JsonToken.START_ARRAY) {
				long line = 0;
				String value = null;
				int index = 0;
				for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
					if (token == null) {
						// The file ends inside a quoted value: the importer says so.
						return;
					}
					if (index == 0) {
						// As the importer counts: the line of the row's first value.
						line = parser.currentTokenLocation().getLineNr();
					}
					if (index == station) {
						value = parser.getString();
					}
					index++;
				}
				if (value == null || value.isEmpty()) {
					throw refused(name, line, "the row has no station, and every reading needs one (1 to 64 letters, "
							+ "digits, '_' or '-')");
				}
				if (!ReadingsController.STATION.matcher(value).matches()) {
					throw refused(name, line, "station '" + CnosDbErrorHandler.abbreviate(value)
							+ "' is not a station name: use 1 to 64 letters, digits, '_' or '-'");
				}
			}
		}
		catch (JacksonException ex) {
			// Not valid CSV from here on: the importer stops at the same place and says
			// why.
		}
	}

	/**
	 * The index of the {@code station} column in the header row, whose start was just
	 * read, or -1.
	 */
	private static int stationColumn(JsonParser parser) {
		int index = 0;
		int station = -1;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY
				&& token != null; token = parser.nextToken()) {
			String name = parser.getString();
			if (index == 0 && name.startsWith("\uFEFF")) {
				// A byte order mark, as spreadsheet exports write: not part of the first
				// name.
				name = name.substring(1);
			}
			if (name.equals("station") && station < 0) {
				station = index;
			}
			index++;
		}
		return station;
	}

	private static CsvImportException refused(String name, long line, String reason) {
		return new CsvImportException(
				"Importing " + name + " into table '" + AirSchema.TABLE + "' stopped at line " + line + ": " + reason
						+ "; nothing was written (stations are checked before any row is sent)",
				0, 0, line, false, null);
	}

}
