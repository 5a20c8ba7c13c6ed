package io.cnosdb.spring.sample;

import java.time.Duration;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.FieldType;
import io.cnosdb.spring.core.ddl.TableDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates the sample's database (with a TTL) and its {@code air} table when they are
 * missing: at startup when CnosDB answers, otherwise on the first use that finds CnosDB
 * reachable. Once both exist it sends nothing more.
 */
@Component
class AirSchema {

	static final String TABLE = "air";

	private final CnosTemplate cnos;

	private final Duration ttl;

	private volatile boolean created;

	AirSchema(CnosTemplate cnos, @Value("${sample.ttl:30d}") Duration ttl) {
		this.cnos = cnos;
		this.ttl = ttl;
	}

	/**
	 * Make sure the database and the table exist.
	 * @throws DataAccessException when CnosDB cannot be reached or refuses; the next call
	 * tries again
	 */
	void ensureCreated() {
		if (this.created) {
			return;
		}
		synchronized (this) {
			if (this.created) {
				return;
			}
			// Sent to the always present database "public": the sample's own may not
			// exist yet.
			this.cnos.withDatabase("public")
				.createDatabase(this.cnos.getDatabase(), DatabaseOptions.defaults().ifNotExists().ttl(this.ttl));
			this.cnos.createTable(TableDefinition.builder(TABLE)
				.field("visibility", FieldType.DOUBLE)
				.field("temperature", FieldType.DOUBLE)
				.field("pressure", FieldType.DOUBLE)
				.tags("station")
				.ifNotExists()
				.build());
			this.created = true;
		}
	}

	boolean isCreated() {
		return this.created;
	}

	String getDatabase() {
		return this.cnos.getDatabase();
	}

}
