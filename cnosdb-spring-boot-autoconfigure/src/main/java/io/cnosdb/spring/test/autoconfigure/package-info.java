/**
 * The CnosDB test slice: {@link io.cnosdb.spring.test.autoconfigure.CnosDbTest
 * @CnosDbTest}, {@link io.cnosdb.spring.test.autoconfigure.AutoConfigureCnosDb
 * @AutoConfigureCnosDb} and throwaway databases for tests.
 */
@NullMarked
package io.cnosdb.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
