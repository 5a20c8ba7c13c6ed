/**
 * Failure analysis of invalid CnosDB configuration.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
