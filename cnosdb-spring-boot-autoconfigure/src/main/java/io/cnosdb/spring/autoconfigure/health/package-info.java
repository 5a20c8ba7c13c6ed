/**
 * The actuator health indicator for CnosDB.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
