/**
 * Schema set-up at startup: SQL scripts run once through the CnosDB client before the
 * beans that use CnosDB, as Spring Boot's {@code spring.sql.init} does for JDBC.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure.schema;

import org.jspecify.annotations.NullMarked;
