/**
 * Docker Compose support: a service connection to a CnosDB service of a compose file.
 */
@NullMarked
package io.cnosdb.spring.docker.compose;

import org.jspecify.annotations.NullMarked;
