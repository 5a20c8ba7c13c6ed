package io.cnosdb.spring.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the slice tests: {@code @CnosDbTest} finds it by searching the
 * test's package and those above it, as in an application, and scans its package for
 * components, which the slice filters out.
 */
@SpringBootApplication
public class ExampleCnosDbApplication {

}
