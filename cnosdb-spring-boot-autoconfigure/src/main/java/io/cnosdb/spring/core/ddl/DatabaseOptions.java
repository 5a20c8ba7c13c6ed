package io.cnosdb.spring.core.ddl;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.write.CnosPrecision;

import org.springframework.util.Assert;

/**
 * Options of {@code CREATE DATABASE}: TTL, SHARD, VNODE_DURATION, REPLICA, PRECISION and
 * IF NOT EXISTS. Options left unset take the server's defaults (TTL INF, 1 shard, vnode
 * duration 1 year, 1 replica, nanoseconds). Immutable; each {@code with} method returns a
 * copy.
 *
 * <pre class="code">
 * DatabaseOptions.defaults().ifNotExists().ttl(Duration.ofDays(30)).shard(2).precision(CnosPrecision.MS)
 * </pre>
 */
public final class DatabaseOptions {

	private static final DatabaseOptions DEFAULTS = new DatabaseOptions(false, null, null, null, null, null);

	private final boolean ifNotExists;

	private final @Nullable CnosDuration ttl;

	private final @Nullable Integer shard;

	private final @Nullable CnosDuration vnodeDuration;

	private final @Nullable Integer replica;

	private final @Nullable CnosPrecision precision;

	private DatabaseOptions(boolean ifNotExists, @Nullable CnosDuration ttl, @Nullable Integer shard,
			@Nullable CnosDuration vnodeDuration, @Nullable Integer replica, @Nullable CnosPrecision precision) {
		this.ifNotExists = ifNotExists;
		this.ttl = ttl;
		this.shard = shard;
		this.vnodeDuration = vnodeDuration;
		this.replica = replica;
		this.precision = precision;
	}

	/** No options: the server's defaults. */
	public static DatabaseOptions defaults() {
		return DEFAULTS;
	}

	/** Do nothing, rather than fail, when the database exists. */
	public DatabaseOptions ifNotExists() {
		return new DatabaseOptions(true, this.ttl, this.shard, this.vnodeDuration, this.replica, this.precision);
	}

	/** How long data is kept. */
	public DatabaseOptions ttl(Duration ttl) {
		return ttl(CnosDuration.of(ttl));
	}

	/** How long data is kept, in CnosDB syntax ({@code '30d'}, {@code 'inf'}). */
	public DatabaseOptions ttl(String ttl) {
		return ttl(CnosDuration.parse(ttl));
	}

	/** How long data is kept. */
	public DatabaseOptions ttl(CnosDuration ttl) {
		Assert.notNull(ttl, "ttl must not be null");
		return new DatabaseOptions(this.ifNotExists, ttl, this.shard, this.vnodeDuration, this.replica, this.precision);
	}

	/** Number of shards, at least 1. */
	public DatabaseOptions shard(int shard) {
		Assert.isTrue(shard > 0, () -> "SHARD must be at least 1, but was " + shard);
		return new DatabaseOptions(this.ifNotExists, this.ttl, shard, this.vnodeDuration, this.replica, this.precision);
	}

	/** Time span of one vnode. */
	public DatabaseOptions vnodeDuration(Duration vnodeDuration) {
		return vnodeDuration(CnosDuration.of(vnodeDuration));
	}

	/** Time span of one vnode, in CnosDB syntax ({@code '7d'}). */
	public DatabaseOptions vnodeDuration(String vnodeDuration) {
		return vnodeDuration(CnosDuration.parse(vnodeDuration));
	}

	/** Time span of one vnode. */
	public DatabaseOptions vnodeDuration(CnosDuration vnodeDuration) {
		Assert.notNull(vnodeDuration, "vnodeDuration must not be null");
		Assert.isTrue(vnodeDuration != CnosDuration.INFINITE, "VNODE_DURATION cannot be infinite");
		return new DatabaseOptions(this.ifNotExists, this.ttl, this.shard, vnodeDuration, this.replica, this.precision);
	}

	/** Number of replicas, at least 1. */
	public DatabaseOptions replica(int replica) {
		Assert.isTrue(replica > 0, () -> "REPLICA must be at least 1, but was " + replica);
		return new DatabaseOptions(this.ifNotExists, this.ttl, this.shard, this.vnodeDuration, replica, this.precision);
	}

	/** Precision timestamps are stored in; cannot be changed after creation. */
	public DatabaseOptions precision(CnosPrecision precision) {
		Assert.notNull(precision, "precision must not be null");
		return new DatabaseOptions(this.ifNotExists, this.ttl, this.shard, this.vnodeDuration, this.replica, precision);
	}

	public boolean isIfNotExists() {
		return this.ifNotExists;
	}

	public @Nullable CnosDuration getTtl() {
		return this.ttl;
	}

	public @Nullable Integer getShard() {
		return this.shard;
	}

	public @Nullable CnosDuration getVnodeDuration() {
		return this.vnodeDuration;
	}

	public @Nullable Integer getReplica() {
		return this.replica;
	}

	public @Nullable CnosPrecision getPrecision() {
		return this.precision;
	}

}
