package io.cnosdb.spring.core.ddl;

import java.time.Duration;

import io.cnosdb.spring.core.write.CnosPrecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Options of CREATE DATABASE: immutable, validated, rendered space-separated with string
 * values quoted (protocol reference §6.2).
 */
class DatabaseOptionsTests {

	@Test
	void defaultsRenderNoWithClause() {
		assertThat(DdlStatements.createDatabase("db", DatabaseOptions.defaults())).isEqualTo("CREATE DATABASE \"db\"");
	}

	@Test
	void everyOptionInServerSyntax() {
		DatabaseOptions options = DatabaseOptions.defaults()
			.ttl("inf")
			.shard(2)
			.vnodeDuration(Duration.ofDays(3))
			.replica(3)
			.precision(CnosPrecision.MS)
			.ifNotExists();
		assertThat(DdlStatements.createDatabase("db", options)).isEqualTo(
				"CREATE DATABASE IF NOT EXISTS \"db\" WITH TTL 'INF' SHARD 2 VNODE_DURATION '3d' REPLICA 3 PRECISION 'ms'");
	}

	@Test
	void withMethodsReturnCopies() {
		DatabaseOptions base = DatabaseOptions.defaults();
		DatabaseOptions changed = base.shard(4);
		assertThat(base.getShard()).isNull();
		assertThat(changed.getShard()).isEqualTo(4);
		assertThat(changed.ttl("1d").getShard()).isEqualTo(4);
		assertThat(base.isIfNotExists()).isFalse();
		assertThat(base.ifNotExists().isIfNotExists()).isTrue();
	}

	@Test
	void invalidValuesFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().shard(0));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().replica(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().ttl("30.5d"));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().vnodeDuration("inf"));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().ttl(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseOptions.defaults().precision(null));
	}

}
