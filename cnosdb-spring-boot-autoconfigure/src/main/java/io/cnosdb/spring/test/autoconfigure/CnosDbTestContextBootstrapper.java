package io.cnosdb.spring.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} of {@link CnosDbTest @CnosDbTest}: reads its
 * {@code properties}.
 */
class CnosDbTestContextBootstrapper extends TestSliceTestContextBootstrapper<CnosDbTest> {

}
