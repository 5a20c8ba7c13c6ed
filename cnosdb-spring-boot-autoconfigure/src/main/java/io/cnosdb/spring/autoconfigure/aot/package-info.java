/**
 * Native images and ahead-of-time processing: runtime hints for the client's own
 * reflection, and reflection hints for the application's {@code @Measurement} types found
 * at build time.
 */
@NullMarked
package io.cnosdb.spring.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
