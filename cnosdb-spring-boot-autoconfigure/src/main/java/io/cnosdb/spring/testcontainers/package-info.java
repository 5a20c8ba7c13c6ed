/**
 * Testcontainers support: a CnosDB container and its service connection.
 */
@NullMarked
package io.cnosdb.spring.testcontainers;

import org.jspecify.annotations.NullMarked;
