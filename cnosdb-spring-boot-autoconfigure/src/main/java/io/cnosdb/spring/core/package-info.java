/**
 * The CnosDB client's API: {@link io.cnosdb.spring.core.CnosTemplate} and the operations
 * it implements, row mappers and row callbacks. Built on the packages below it and usable
 * without Spring Boot.
 */
@NullMarked
package io.cnosdb.spring.core;

import org.jspecify.annotations.NullMarked;
