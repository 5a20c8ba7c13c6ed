/**
 * DDL: database options (TTL, shards, replicas, precision), table definitions and the
 * statements that create and drop databases, tables and users.
 */
@NullMarked
package io.cnosdb.spring.core.ddl;

import org.jspecify.annotations.NullMarked;
