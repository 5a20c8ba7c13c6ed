/**
 * Reading CnosDB's CSV answers: a streaming reader over the response bytes, the row view
 * handed to mappers, and the fast number and time parsers and caches it uses.
 */
@NullMarked
package io.cnosdb.spring.core.result;

import org.jspecify.annotations.NullMarked;
