package io.cnosdb.spring.benchmarks.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.csv.CsvMapper;

import io.cnosdb.spring.core.CnosDataClassRowMapper;
import io.cnosdb.spring.core.result.CnosConversions;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.result.CnosTimestamps;
import io.cnosdb.spring.core.RowMapper;

import org.springframework.core.convert.ConversionService;
import org.springframework.web.client.RestClient;

/**
 * The B4 contenders, each reading one answer from a stream and handing every row to a
 * sink. Where a peer must convert text it uses {@link Double#parseDouble},
 * {@link Long#parseLong} and {@link CnosTimestamps#parseInstant} (fixed positions, no
 * {@code DateTimeFormatter}), the same for all.
 */
public final class ParseContenders {

	private static final JsonFactory JSON = new JsonFactory();

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private static final ConversionService CONVERSIONS = CnosConversions.createConversionService();

	/** Ours through name getters, as most mappers are written. */
	static final RowMapper<Cpu> BY_NAME = (row, rowNumber) -> new Cpu(row.getInstant("time"), row.getString("host"),
			row.getString("region"), row.getDouble("usage_user"), row.getDouble("usage_system"), row.getLong("count"));

	/** Ours through index getters, as JDBC's {@code ResultSet} allows. */
	static final RowMapper<Cpu> BY_INDEX = (row, rowNumber) -> new Cpu(row.getInstant(0), row.getString(1),
			row.getString(2), row.getDouble(3), row.getDouble(4), row.getLong(5));

	private ParseContenders() {
	}

	/**
	 * A template whose every query is answered, without a network, by the given bodies.
	 */
	public static CnosTemplate template(java.util.function.Supplier<InputStream> bodies) {
		return CnosTemplate.builder()
			.restClientBuilder(RestClient.builder().requestFactory(new InMemoryAnswerFactory(bodies)))
			.build();
	}

	/** Ours: the template's {@code queryForStream} with a mapper. */
	public static long ours(CnosTemplate template, RowMapper<Cpu> mapper, Consumer<Cpu> sink) {
		long[] rows = new long[1];
		try (Stream<Cpu> stream = template.queryForStream(QueryDataset.SQL, mapper)) {
			stream.forEach((cpu) -> {
				rows[0]++;
				sink.accept(cpu);
			});
		}
		return rows[0];
	}

	/**
	 * Ours: the template's {@code queryForStream} to a record type, mapped by column
	 * names.
	 */
	public static long oursDataClass(CnosTemplate template, Consumer<Cpu> sink) {
		long[] rows = new long[1];
		try (Stream<Cpu> stream = template.queryForStream(QueryDataset.SQL, new CnosDataClassRowMapper<>(Cpu.class))) {
			stream.forEach((cpu) -> {
				rows[0]++;
				sink.accept(cpu);
			});
		}
		return rows[0];
	}

	/** FastCSV 4.4 records, converted field by field. */
	public static long fastCsvRecord(InputStream in, Consumer<Cpu> sink) throws IOException {
		long rows = 0;
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
			boolean header = true;
			for (CsvRecord record : reader) {
				if (header) {
					header = false;
					continue;
				}
				sink.accept(new Cpu(CnosTimestamps.parseInstant(record.getField(0)), record.getField(1),
						record.getField(2), Double.parseDouble(record.getField(3)),
						Double.parseDouble(record.getField(4)), Long.parseLong(record.getField(5))));
				rows++;
			}
		}
		return rows;
	}

	/**
	 * Jackson 3 {@code JsonParser} over ND-JSON, building each record from its tokens.
	 */
	public static long jacksonStreamRecord(InputStream in, Consumer<Cpu> sink) {
		long rows = 0;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				Instant time = null;
				String host = null;
				String region = null;
				double usageUser = 0;
				double usageSystem = 0;
				long count = 0;
				String name;
				while ((name = parser.nextName()) != null) {
					parser.nextToken();
					switch (name) {
						case "count" -> count = parser.getLongValue();
						case "host" -> host = parser.getString();
						case "region" -> region = parser.getString();
						case "time" -> time = CnosTimestamps.parseInstant(parser.getString());
						case "usage_system" -> usageSystem = parser.getDoubleValue();
						case "usage_user" -> usageUser = parser.getDoubleValue();
						default -> parser.skipChildren();
					}
				}
				sink.accept(new Cpu(time, host, region, usageUser, usageSystem, count));
				rows++;
			}
		}
		return rows;
	}

	/**
	 * The query path as shipped before the byte-level reader: Jackson CSV records as
	 * {@code String[]}, values converted by the conversion service per read.
	 */
	public static long jacksonCsvBefore(InputStream in, Consumer<Cpu> sink) {
		long rows = 0;
		try (JsonParser parser = CSV.createParser(in)) {
			List<String> record = new ArrayList<>();
			boolean header = true;
			while (parser.nextToken() == JsonToken.START_ARRAY) {
				record.clear();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					record.add(parser.getString());
				}
				String[] values = record.toArray(String[]::new);
				if (header) {
					header = false;
					continue;
				}
				sink.accept(new Cpu(CONVERSIONS.convert(values[0], Instant.class), values[1], values[2],
						CONVERSIONS.convert(values[3], Double.class), CONVERSIONS.convert(values[4], Double.class),
						CONVERSIONS.convert(values[5], Long.class)));
				rows++;
			}
		}
		return rows;
	}

	/** Floor: FastCSV splitting records into field strings, nothing converted. */
	public static long fastCsvTokenize(InputStream in, Consumer<Object> sink) throws IOException {
		long rows = -1;
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
			for (CsvRecord record : reader) {
				sink.accept(record);
				rows++;
			}
		}
		return rows;
	}

	/** Floor: Jackson's tokenizer over ND-JSON, no value read. */
	public static long jacksonTokenize(InputStream in) {
		long rows = 0;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.END_OBJECT) {
					rows++;
				}
			}
		}
		return rows;
	}

	/** Floor: reading the bytes into a reused buffer and counting line ends. */
	public static long newlineScan(InputStream in) {
		byte[] buffer = new byte[64 * 1024];
		long lines = 0;
		try {
			int read;
			while ((read = in.read(buffer, 0, buffer.length)) >= 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines - 1;
	}

}
