package io.cnosdb.spring.sample;

import io.cnosdb.spring.autoconfigure.schema.CnosDbScriptDatabaseInitializer;
import io.cnosdb.spring.autoconfigure.schema.CnosDbScriptStatementFailedException;
import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The sample's database (with a TTL) and its {@code air} table, created by
 * {@code cnosdb/schema.sql}, which the starter runs at startup
 * ({@code cnosdb.schema.locations}). When CnosDB does not answer then, the application
 * starts anyway ({@code cnosdb.schema.continue-on-error}), and the first use that finds
 * CnosDB reachable runs the script again. Once it ran through, nothing more is sent.
 */
@Component
class AirSchema {

	static final String TABLE = "air";

	private final CnosDbScriptDatabaseInitializer scripts;

	private final CnosTemplate cnos;

	AirSchema(CnosDbScriptDatabaseInitializer scripts, CnosTemplate cnos) {
		this.scripts = scripts;
		this.cnos = cnos;
	}

	/**
	 * Make sure the database and the table exist.
	 * @throws DataAccessException when CnosDB cannot be reached or refuses, as the
	 * template threw it; the next call tries again
	 */
	void ensureCreated() {
		try {
			this.scripts.ensureInitialized();
		}
		catch (CnosDbScriptStatementFailedException ex) {
			// The template's own exception, which the error handler turns into 503 or
			// 502.
			throw ex.getFailure();
		}
	}

	boolean isCreated() {
		return this.scripts.isInitialized();
	}

	String getDatabase() {
		return this.cnos.getDatabase();
	}

}
