package io.cnosdb.spring.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cnosdb.spring.autoconfigure.health.CnosDbHealthIndicator;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.exception.CnosBadSqlException;
import io.cnosdb.spring.core.exception.CnosInvalidLineProtocolException;
import io.cnosdb.spring.core.exception.CnosDataIntegrityViolationException;
import io.cnosdb.spring.core.exception.CnosObjectNotFoundException;
import io.cnosdb.spring.core.exception.CnosUncategorizedException;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.write.Point;
import io.cnosdb.spring.testsupport.CnosDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The wire facts on which a reading of CnosDB's source and the client once disagreed,
 * each settled by what a real server does. Runs against the server {@link CnosDbServer}
 * finds; where CnosDB 2.3 and 2.4 answer differently, each version's answer is asserted.
 */
class ServerFactsIntegrationTests {

	@RegisterExtension
	static final CnosDbServer cnosdb = new CnosDbServer();

	private static final String DATABASE = CnosDbServer.uniqueName("facts");

	/** Inside the TTL: older points are refused with 030034. */
	private static final long NOW = Instant.now().getEpochSecond() * 1_000_000_000L;

	private CnosTemplate cnos;

	private CnosTemplate db;

	@BeforeEach
	void createDatabase() {
		this.cnos = cnosdb.template();
		this.cnos.createDatabase(DATABASE, DatabaseOptions.defaults().ifNotExists().ttl(Duration.ofDays(3650)));
		this.db = this.cnos.withDatabase(DATABASE);
	}

	@AfterEach
	void dropDatabase() {
		this.cnos.dropDatabaseIfExists(DATABASE);
	}

	@Test
	void aStringFieldMayHoldALineBreakAndBlankLinesAreSkipped() {
		Point point = Point.measurement("notes")
			.tag("k", "a")
			.field("text", "line 1\nline 2")
			.time(NOW, CnosPrecision.NS);
		this.db.writeLines(List.of(point.toLineProtocol(), "", "  ", "notes,k=b text=\"x\" " + (NOW + 1)));
		assertThat(this.db.queryForList("SELECT text FROM notes ORDER BY time", String.class))
			.containsExactly("line 1\nline 2", "x");
	}

	@Test
	void nanAndInfinitiesAreStoredAndReadBack() {
		this.db.write(
				List.of(Point.measurement("special").tag("k", "nan").field("v", Double.NaN).time(NOW, CnosPrecision.NS),
						Point.measurement("special")
							.tag("k", "inf")
							.field("v", Double.POSITIVE_INFINITY)
							.time(NOW + 1, CnosPrecision.NS),
						Point.measurement("special")
							.tag("k", "-inf")
							.field("v", Double.NEGATIVE_INFINITY)
							.time(NOW + 2, CnosPrecision.NS)));
		assertThat(this.db.queryForList("SELECT v FROM special ORDER BY time", Double.class))
			.containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
		assertLineProtocolSyntaxError(cnosdb, () -> this.db.writeLines(List.of("special,k=x v=NaN " + NOW)));
	}

	@Test
	void durationsAreReadAsTheClientChecksThem() {
		String other = CnosDbServer.uniqueName("ttl");
		if (cnosdb.isVersion23()) {
			// 2.3 reads one number and one of d, h, m compared upper-case: "1d 12h" is
			// refused,
			// and what ttl(Duration) writes is read.
			assertThatExceptionOfType(CnosBadSqlException.class)
				.isThrownBy(() -> this.cnos.createDatabase(other, DatabaseOptions.defaults().ttl("1d 12h")))
				.withMessageContaining("is not a valid precision");
			try {
				this.cnos.createDatabase(other, DatabaseOptions.defaults().ttl(Duration.ofHours(36)));
				assertThat(this.cnos.listDatabases()).contains(other);
			}
			finally {
				this.cnos.dropDatabaseIfExists(other);
			}
			return;
		}
		try {
			this.cnos.createDatabase(other, DatabaseOptions.defaults().ttl("30").vnodeDuration("1d 12h"));
			Map<String, Object> described = this.cnos.queryForList("DESCRIBE DATABASE \"" + other + "\"").get(0);
			assertThat(described).containsEntry("ttl", "30days").containsEntry("vnode_duration", "1day 12h");
			this.cnos.dropDatabase(other);
			this.cnos.createDatabase(other, DatabaseOptions.defaults().ttl(Duration.ofHours(36)));
			assertThat(this.cnos.queryForList("DESCRIBE DATABASE \"" + other + "\"").get(0)).containsEntry("ttl",
					"1day 12h");
		}
		finally {
			this.cnos.dropDatabaseIfExists(other);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().ttl("730.5d"));
		assertThatExceptionOfType(CnosBadSqlException.class)
			.isThrownBy(() -> this.cnos.execute("CREATE DATABASE \"" + other + "\" WITH TTL '730.5d'"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("010009"));
	}

	@Test
	void dataTheServerRefusesIsAnIntegrityViolationWithItsCode() {
		boolean version23 = cnosdb.isVersion23();
		this.db.writeLines(List.of("typed,k=a v=1i " + NOW));
		assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
			.isThrownBy(() -> this.db.writeLines(List.of("typed,k=a v=1.5 " + (NOW + 1))))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(version23 ? "020004" : "050014"))
			.withMessageContaining("DataSchemaError");
		assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
			.isThrownBy(() -> this.db.writeLines(List.of("typed,k=a v=1i 1")))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(version23 ? "050014" : "030034"))
			.withMessageContaining("expired");
		String user = CnosDbServer.uniqueName("facts_user");
		try {
			this.cnos.createUser(user, "pw");
			assertThatExceptionOfType(CnosDataIntegrityViolationException.class)
				.isThrownBy(() -> this.cnos.createUser(user, "pw"))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030007"));
		}
		finally {
			this.cnos.dropUserIfExists(user);
		}
	}

	@Test
	void aLineProtocolSyntaxErrorIsBadSqlOn24AndAnEmpty500On23() {
		assertLineProtocolSyntaxError(cnosdb, () -> this.db.writeLines(List.of("air,station=a")));
	}

	/**
	 * CnosDB 2.4 answers a line-protocol syntax error with 422 {@code 040004}; 2.3 with
	 * an empty 500, which the client cannot tell from other failures and does not call
	 * transient.
	 */
	static void assertLineProtocolSyntaxError(CnosDbServer server, ThrowingCallable write) {
		if (server.isVersion23()) {
			assertThatExceptionOfType(CnosUncategorizedException.class).isThrownBy(write)
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(500))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isNull())
				.satisfies((ex) -> assertThat(DefaultCnosExceptionTranslator.isTransient(ex)).isFalse());
		}
		else {
			assertThatExceptionOfType(CnosInvalidLineProtocolException.class).isThrownBy(write)
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("040004"))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(422));
		}
	}

	@Test
	void aTableWithSlashIsRefusedBeforeSendingAndCanStillBeLookedUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.db.write(Point.measurement("cpu/load").field("v", 1.0).time(NOW, CnosPrecision.NS)));
		// What the encoder prevents: CnosDB 2.4.2 answers 200 and keeps nothing; 2.3
		// keeps the
		// table but answers 200 to DROP TABLE and keeps it still (2.4.3 refuses the
		// name).
		this.db.writeLines(List.of("cpu/load,host=a v=1 " + NOW));
		this.db.dropTableIfExists("cpu/load");
		if (cnosdb.isVersion23()) {
			assertThat(this.db.listTables()).contains("cpu/load");
			assertThat(this.db.describeTable("cpu/load")).isNotEmpty();
		}
		else {
			assertThat(this.db.listTables()).doesNotContain("cpu/load");
			assertThatExceptionOfType(CnosObjectNotFoundException.class)
				.isThrownBy(() -> this.db.describeTable("cpu/load"))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("030019"));
		}
	}

	@Test
	void controlCharactersInNamesAreKept() {
		String name = CnosDbServer.uniqueName("tab") + "\tx";
		this.db.execute("CREATE TABLE \"" + name + "\" (v DOUBLE, TAGS(k))");
		assertThat(this.db.listTables()).contains(name);
		this.db.dropTable(name);
		assertThat(this.db.listTables()).doesNotContain(name);
	}

	@Test
	void healthIsDownWithTheServersCodeForAUserItRefuses() {
		CnosTemplate stranger = CnosTemplate.builder()
			.url(cnosdb.url())
			.credentials(CnosDbServer.uniqueName("nobody"), "secret-Pw")
			.build();
		Health health = new CnosDbHealthIndicator(stranger, Duration.ofSeconds(5)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "010016").containsKey("version");
		assertThat(health.toString()).doesNotContain("secret-Pw");
		assertThat(new CnosDbHealthIndicator(this.cnos, Duration.ofSeconds(5)).health().getStatus())
			.isEqualTo(Status.UP);
	}

}
