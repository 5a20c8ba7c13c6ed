/**
 * Spring Boot auto-configuration of the CnosDB client from {@code cnosdb.*} properties.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
