/**
 * The batch writer's spool: accepted points kept on disk, in checksummed segment files,
 * until the server acknowledges them, so that they outlive an outage and a restart.
 */
@NullMarked
package io.cnosdb.spring.core.batch.spool;

import org.jspecify.annotations.NullMarked;
