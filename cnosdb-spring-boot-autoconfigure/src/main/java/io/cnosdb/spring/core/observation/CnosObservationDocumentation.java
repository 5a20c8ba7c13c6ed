package io.cnosdb.spring.core.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the client, their names and keys. Keys follow OpenTelemetry's
 * stable database conventions ({@code db.system.name}, {@code db.namespace},
 * {@code db.operation.name}, {@code db.query.text}, {@code db.response.status_code},
 * {@code error.type}, {@code server.address}, {@code server.port}); the keys of the batch
 * writer's batches, which those conventions do not cover, start with {@code cnosdb.}.
 */
public enum CnosObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request to CnosDB: a statement (until its answer is read to its end or closed), a
	 * write or a ping. The {@code http.client.requests} observations of the
	 * {@code RestClient} are nested inside it.
	 */
	REQUEST {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCnosObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	},

	/**
	 * A batch of the batch writer, from its first attempt to its acknowledgement or last
	 * failure, back-offs included; each attempt is a {@link #REQUEST} inside it.
	 */
	BATCH {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCnosBatchObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.DB_SYSTEM_NAME, LowCardinalityKeyNames.DB_OPERATION_NAME,
					LowCardinalityKeyNames.DB_NAMESPACE, LowCardinalityKeyNames.ERROR_TYPE,
					LowCardinalityKeyNames.DB_RESPONSE_STATUS_CODE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return BatchHighCardinalityKeyNames.values();
		}
	};

	/** The low-cardinality keys: each has a bounded set of values. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The database system: always {@code cnosdb}. */
		DB_SYSTEM_NAME {
			@Override
			public String asString() {
				return "db.system.name";
			}
		},

		/**
		 * The command a statement starts with ({@code SELECT}, {@code INSERT},
		 * {@code CREATE} ... or {@code OTHER}), {@code write}, {@code ping}, or
		 * {@code BATCH write} for a batch of the batch writer.
		 */
		DB_OPERATION_NAME {
			@Override
			public String asString() {
				return "db.operation.name";
			}
		},

		/**
		 * The tenant and the database, as {@code tenant|database}, such as
		 * {@code cnosdb|public}; {@code none} for a ping, which addresses neither.
		 */
		DB_NAMESPACE {
			@Override
			public String asString() {
				return "db.namespace";
			}
		},

		/**
		 * The class name of the exception the operation failed with, such as
		 * {@code io.cnosdb.spring.core.exception.CnosBadSqlException}; {@code none} when
		 * it succeeded.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/**
		 * CnosDB's error code of a refusal, such as {@code 010001}, or the HTTP status of
		 * an error answer without one; {@code none} when the server refused nothing.
		 */
		DB_RESPONSE_STATUS_CODE {
			@Override
			public String asString() {
				return "db.response.status_code";
			}
		},

		/** The server's host, as the client's URL names it. */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/** The server's port. */
		SERVER_PORT {
			@Override
			public String asString() {
				return "server.port";
			}
		}

	}

	/** The high-cardinality keys of a request. */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * A statement's text with every string and number literal replaced by {@code ?}
		 * and comments removed; never a value, so never a password. Statements only.
		 */
		DB_QUERY_TEXT {
			@Override
			public String asString() {
				return "db.query.text";
			}
		},

		/** The bytes of line protocol a write sends, before compression. Writes only. */
		WRITE_BYTES {
			@Override
			public String asString() {
				return "cnosdb.write.bytes";
			}
		}

	}

	/** The high-cardinality keys of a batch of the batch writer. */
	public enum BatchHighCardinalityKeyNames implements KeyName {

		/** How many points (lines) the batch holds. */
		POINTS {
			@Override
			public String asString() {
				return "cnosdb.batch.points";
			}
		},

		/** How many bytes of line protocol the batch holds. */
		BYTES {
			@Override
			public String asString() {
				return "cnosdb.batch.bytes";
			}
		},

		/**
		 * How many times the batch was sent: 1 without retries, 0 when the writer gave it
		 * up unsent.
		 */
		ATTEMPTS {
			@Override
			public String asString() {
				return "cnosdb.batch.attempts";
			}
		}

	}

}
