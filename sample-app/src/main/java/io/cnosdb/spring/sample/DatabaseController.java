package io.cnosdb.spring.sample;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.sql.CnosSql;
import io.cnosdb.spring.core.ddl.TableColumn;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of the server. The caller names the database and the table, so CnosDB
 * refusing one of these statements is the caller's 400 (see {@link CallerInput}); listing
 * the databases is fixed SQL.
 */
@RestController
@RequestMapping("/api")
class DatabaseController {

	private final CnosTemplate cnos;

	DatabaseController(CnosTemplate cnos) {
		this.cnos = cnos;
	}

	@GetMapping("/databases")
	List<String> databases() {
		return this.cnos.listDatabases();
	}

	@GetMapping("/databases/{database}/tables")
	List<String> tables(@PathVariable String database) {
		return CallerInput.refusalIsTheCallers(() -> this.cnos.withDatabase(database).listTables());
	}

	@GetMapping("/databases/{database}/tables/{table}")
	List<TableColumn> columns(@PathVariable String database, @PathVariable String table) {
		return CallerInput.refusalIsTheCallers(() -> this.cnos.withDatabase(database).describeTable(table));
	}

	/**
	 * The latest ten rows, with each value as JSON of its column's type. CnosDB's CSV
	 * answers carry no types, so the table's {@code DESCRIBE TABLE} is asked first.
	 */
	@GetMapping("/databases/{database}/tables/{table}/latest")
	List<Map<String, @Nullable Object>> latest(@PathVariable String database, @PathVariable String table) {
		CnosTemplate db = this.cnos.withDatabase(database);
		Map<String, String> types = new HashMap<>();
		for (TableColumn column : CallerInput.refusalIsTheCallers(() -> db.describeTable(table))) {
			types.put(column.name(), column.dataType().strip().toUpperCase(Locale.ROOT));
		}
		// The table name is a quoted identifier and the limit a rendered literal: neither
		// can inject SQL.
		return CallerInput.refusalIsTheCallers(() -> CnosClient.create(db)
			.sql("SELECT * FROM " + CnosSql.quoteName("table", table) + " ORDER BY time DESC LIMIT :limit")
			.param("limit", 10)
			.query((row, rowNumber) -> typed(row, types))
			.list());
	}

	private static Map<String, @Nullable Object> typed(CnosRow row, Map<String, String> types) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int i = 0; i < row.getColumnCount(); i++) {
			String name = row.getColumnName(i);
			values.put(name, row.isNull(i) ? null : value(row, i, types.getOrDefault(name, "STRING")));
		}
		return values;
	}

	/**
	 * A value as JSON of its type: BIGINT, BIGINT UNSIGNED and DOUBLE as numbers
	 * (unsigned values above {@code Long.MAX_VALUE} too), BOOLEAN as a boolean, a
	 * timestamp as an ISO-8601 instant in UTC. NaN and the infinities have no JSON
	 * number, so they are the strings {@code "NaN"}, {@code "Infinity"} and
	 * {@code "-Infinity"}. Any other type (STRING, a geometry, a column DESCRIBE TABLE
	 * did not list) stays the text CnosDB sent.
	 */
	private static Object value(CnosRow row, int index, String type) {
		if (type.startsWith("TIMESTAMP")) {
			return row.getInstant(index).toString();
		}
		return switch (type) {
			case "BIGINT" -> row.getLong(index);
			case "BIGINT UNSIGNED" -> {
				BigInteger value = row.getBigInteger(index);
				yield (value.bitLength() < Long.SIZE) ? (Object) value.longValue() : value;
			}
			case "DOUBLE" -> {
				double value = row.getDouble(index);
				yield Double.isFinite(value) ? (Object) value : String.valueOf(value);
			}
			case "BOOLEAN" -> row.getBoolean(index);
			default -> row.getString(index);
		};
	}

}
