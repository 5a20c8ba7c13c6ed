package io.cnosdb.spring.sample;

import java.util.List;
import java.util.Map;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.ddl.TableColumn;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of the server, each one call on the template. The caller names the database
 * and the table, so CnosDB refusing one of these statements is the caller's 400 (see
 * {@link CallerInput}); listing the databases is fixed SQL.
 */
@RestController
@RequestMapping("/api")
class DatabaseController {

	private final CnosOperations cnos;

	DatabaseController(CnosOperations cnos) {
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

	@GetMapping("/databases/{database}/tables/{table}/latest")
	List<Map<String, Object>> latest(@PathVariable String database, @PathVariable String table) {
		// The table name is a quoted identifier and the limit a rendered literal: neither can inject SQL.
		return CallerInput.refusalIsTheCallers(() -> this.cnos.withDatabase(database)
			.sql("SELECT * FROM " + io.cnosdb.spring.core.CnosSql.quoteName("table", table) + " ORDER BY time DESC LIMIT :limit")
			.param("limit", 10)
			.listOfRows());
	}

}
