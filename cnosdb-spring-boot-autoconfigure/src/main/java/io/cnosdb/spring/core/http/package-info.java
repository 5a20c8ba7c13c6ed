/**
 * The HTTP transport: requests to {@code /api/v1/sql}, {@code /api/v1/write} and
 * {@code /api/v1/ping} through Spring's {@code RestClient}, credentials, request
 * factories, request and response bodies, statement deadlines, and the nodes of a
 * cluster: which node each request goes to, when it may go on to another, and how long a
 * node that failed is skipped.
 */
@NullMarked
package io.cnosdb.spring.core.http;

import org.jspecify.annotations.NullMarked;
