/**
 * The HTTP transport: requests to {@code /api/v1/sql}, {@code /api/v1/write} and
 * {@code /api/v1/ping} through Spring's {@code RestClient}, credentials, request
 * factories, request and response bodies, and statement deadlines.
 */
@NullMarked
package io.cnosdb.spring.core.http;

import org.jspecify.annotations.NullMarked;
