package io.cnosdb.spring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.csv.CsvImportResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Readings of the {@code air} table: each endpoint checks its input, makes sure the
 * schema exists, and makes one call on the template.
 */
@RestController
@RequestMapping("/api")
class ReadingsController {

	/** What a station name may be: it becomes a tag value and a query parameter. */
	static final Pattern STATION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/**
	 * A time bucket CnosDB reads as an interval, such as {@code 5 minutes} or
	 * {@code 1 hour}.
	 */
	static final Pattern BUCKET = Pattern.compile("[1-9][0-9]{0,5} (second|minute|hour|day)s?");

	static final int MAX_LIMIT = 10_000;

	private static final String READING_EXAMPLE = "{\"station\": \"XiaoMaiDao\", \"temperature\": 21.5}";

	/**
	 * What a body of {@code POST /api/readings} holds, for the messages that refuse one.
	 */
	static final String READING_FORM = "send one reading or a list of them, such as " + READING_EXAMPLE;

	/**
	 * Why {@code POST /api/readings/csv} found no file to import, and how to send one.
	 */
	static final String NO_FILE = "No CSV file: upload one as the field 'file' of a multipart/form-data request, "
			+ "such as curl -F file=@air.csv";

	private static final List<String> FIELDS = List.of("temperature", "visibility", "pressure");

	private final CnosTemplate cnos;

	private final AirSchema schema;

	private final JsonMapper json;

	ReadingsController(CnosTemplate cnos, AirSchema schema, JsonMapper json) {
		this.cnos = cnos;
		this.schema = schema;
		this.json = json;
	}

	/**
	 * Write one reading or a list of them, all in one request that CnosDB accepts or
	 * refuses as a whole. Readings without a time are stamped now.
	 */
	@PostMapping("/readings")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> write(@RequestBody JsonNode body) {
		List<Reading> readings = new ArrayList<>();
		Instant now = Instant.now();
		// A body of JSON null arrives as a null node, as an empty list would: neither
		// holds a reading.
		for (JsonNode node : body.isArray() ? body : body.isNull() ? List.<JsonNode>of() : List.of(body)) {
			Reading reading = toReading(readings.size(), node);
			checkReading(readings.size(), reading);
			readings.add((reading.time() != null) ? reading : reading.withTime(now));
		}
		if (readings.isEmpty()) {
			throw new BadReadingRequestException("No readings: send one reading or a non-empty list");
		}
		this.schema.ensureCreated();
		CallerInput.refusalIsTheCallers(() -> this.cnos.writeObjects(readings));
		return Map.of("written", readings.size());
	}

	/**
	 * Import a CSV file whose header names columns of {@code air} ({@code time},
	 * {@code station}, {@code visibility}, {@code temperature}, {@code pressure}).
	 */
	@PostMapping("/readings/csv")
	CsvImportResult importCsv(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new BadReadingRequestException(
					"The uploaded file is empty: send a CSV file whose first row names " + "columns of table 'air'");
		}
		// The importer streams from a file; errors name the file, so it keeps the
		// uploaded name.
		Path directory = Files.createTempDirectory("readings-upload");
		try {
			Path csv = directory.resolve(fileName(file.getOriginalFilename()));
			file.transferTo(csv);
			// A first pass over the file checks every station before the import sends a
			// batch: the
			// importer writes batches as it goes, so a bad row found by it would leave
			// earlier ones written.
			CsvStations.check(csv, csv.getFileName().toString());
			this.schema.ensureCreated();
			// Not marked as the caller's: writeCsv reports a batch CnosDB refused as a
			// CsvImportException
			// (the caller's data, a 400), and anything else it sends is the sample's own
			// DESCRIBE TABLE.
			return this.cnos.writeCsv(AirSchema.TABLE, csv);
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	/**
	 * The latest {@code limit} readings, oldest first, of one station or all, within an
	 * optional time range.
	 */
	@GetMapping("/readings")
	List<Reading> readings(@RequestParam(required = false) @Nullable String station,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "1000") int limit) {
		if (station != null) {
			checkStation(station);
		}
		checkRange(from, to);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadReadingRequestException("limit " + limit + " is out of range: use 1 to " + MAX_LIMIT);
		}
		this.schema.ensureCreated();
		StringBuilder sql = new StringBuilder("SELECT time, station, visibility, temperature, pressure FROM air");
		sql.append(where(station, from, to)).append(" ORDER BY time DESC LIMIT :limit");
		// The caller's station and times are in the statement.
		List<Reading> latest = CallerInput.refusalIsTheCallers(
				() -> bind(CnosClient.create(this.cnos).sql(sql.toString()), station, from, to).param("limit", limit)
					.query(Reading.class)
					.list());
		List<Reading> oldestFirst = new ArrayList<>(latest);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** The stations that have readings, in alphabetical order. */
	@GetMapping("/stations")
	List<String> stations() {
		this.schema.ensureCreated();
		// Fixed SQL, nothing of the caller's: a refusal is the sample's fault.
		return this.cnos.query("SELECT DISTINCT station FROM air ORDER BY station",
				(row, n) -> row.getString("station"));
	}

	/**
	 * Minimum, average and maximum of one field per time bucket, for one station or all.
	 */
	@GetMapping("/readings/summary")
	List<SummaryBucket> summary(@RequestParam(required = false) @Nullable String station,
			@RequestParam(defaultValue = "1 hour") String bucket,
			@RequestParam(defaultValue = "temperature") String field,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to) {
		if (station != null) {
			checkStation(station);
		}
		if (!BUCKET.matcher(bucket).matches()) {
			throw new BadReadingRequestException("bucket '" + bucket + "' is not an interval: use a number and a unit, "
					+ "such as '30 seconds', '5 minutes', '1 hour' or '1 day'");
		}
		if (!FIELDS.contains(field)) {
			throw new BadReadingRequestException("field '" + field + "' is not a field of air: use one of " + FIELDS);
		}
		checkRange(from, to);
		this.schema.ensureCreated();
		String column = CnosSql.quoteName("field", field);
		String sql = "SELECT date_bin(INTERVAL :bucket, time, TIMESTAMP '1970-01-01T00:00:00Z') AS bucket, min("
				+ column + ") AS min_value, avg(" + column + ") AS avg_value, max(" + column + ") AS max_value, count("
				+ column + ") AS samples FROM air" + where(station, from, to) + " GROUP BY bucket ORDER BY bucket";
		// The caller's bucket, station and times are in the statement: CnosDB may refuse
		// a bucket such as 999999 days.
		return CallerInput.refusalIsTheCallers(
				() -> bind(CnosClient.create(this.cnos).sql(sql), station, from, to).param("bucket", bucket)
					.query(SummaryBucket.class)
					.list());
	}

	private static String where(@Nullable String station, @Nullable Instant from, @Nullable Instant to) {
		List<String> conditions = new ArrayList<>();
		if (station != null) {
			conditions.add("station = :station");
		}
		if (from != null) {
			conditions.add("time >= :from");
		}
		if (to != null) {
			conditions.add("time <= :to");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static CnosClient.StatementSpec bind(CnosClient.StatementSpec statement, @Nullable String station,
			@Nullable Instant from, @Nullable Instant to) {
		if (station != null) {
			statement.param("station", station);
		}
		if (from != null) {
			statement.param("from", from);
		}
		if (to != null) {
			statement.param("to", to);
		}
		return statement;
	}

	/**
	 * Read one item of the body as a reading. Jackson's messages name Java types, so a
	 * value that does not convert is reported by its property and the form it must have.
	 */
	private Reading toReading(int index, JsonNode node) {
		String which = "reading " + (index + 1);
		if (!node.isObject()) {
			throw new BadReadingRequestException(which + " is not a JSON object such as " + READING_EXAMPLE);
		}
		try {
			return this.json.treeToValue(node, Reading.class);
		}
		catch (JacksonException ex) {
			String property = ex.getPath().isEmpty() ? null : ex.getPath().get(0).getPropertyName();
			if (property == null || !node.has(property)) {
				throw new BadReadingRequestException(which + " is not a reading: " + READING_FORM);
			}
			String value = CnosDbErrorHandler.abbreviate(node.get(property).toString());
			throw new BadReadingRequestException(which + ": " + expectedForm(property) + ", not " + value);
		}
	}

	private static String expectedForm(String property) {
		return switch (property) {
			case "time" -> CnosDbErrorHandler.expectedForm(property, Instant.class);
			case "station" -> "station must be a string such as \"XiaoMaiDao\"";
			default -> CnosDbErrorHandler.expectedForm(property, Double.class);
		};
	}

	private static void checkReading(int index, Reading reading) {
		String which = "reading " + (index + 1);
		if (reading.station() == null) {
			throw new BadReadingRequestException(which + " has no station");
		}
		checkStation(reading.station());
		if (reading.visibility() == null && reading.temperature() == null && reading.pressure() == null) {
			throw new BadReadingRequestException(
					which + " has no value: give at least one of visibility, temperature and pressure");
		}
	}

	private static void checkStation(String station) {
		if (!STATION.matcher(station).matches()) {
			throw new BadReadingRequestException(
					"station '" + station + "' is not a station name: use 1 to 64 letters, " + "digits, '_' or '-'");
		}
	}

	private static void checkRange(@Nullable Instant from, @Nullable Instant to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadReadingRequestException("from " + from + " is after to " + to);
		}
	}

	private static String fileName(@Nullable String original) {
		String name = (original != null) ? original.substring(original.replace('\\', '/').lastIndexOf('/') + 1) : "";
		return name.matches("[A-Za-z0-9._-]{1,100}") && !name.startsWith(".") ? name : "upload.csv";
	}

	/**
	 * One time bucket of {@code /api/readings/summary}.
	 *
	 * @param bucket the start of the bucket
	 * @param minValue the smallest value
	 * @param avgValue the average
	 * @param maxValue the largest value
	 * @param samples how many values the bucket holds
	 */
	record SummaryBucket(Instant bucket, @Nullable Double minValue, @Nullable Double avgValue,
			@Nullable Double maxValue, long samples) {
	}

}
