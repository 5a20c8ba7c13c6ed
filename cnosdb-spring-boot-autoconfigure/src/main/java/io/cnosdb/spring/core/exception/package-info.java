/**
 * CnosDB's error answers as Spring {@code DataAccessException}s, by error code and HTTP
 * status.
 */
@NullMarked
package io.cnosdb.spring.core.exception;

import org.jspecify.annotations.NullMarked;
