/**
 * Building points and encoding them as CnosDB line protocol for
 * {@code POST /api/v1/write}.
 * <p>
 * {@link io.cnosdb.spring.core.write.Point} holds one row;
 * {@link io.cnosdb.spring.core.write.LineProtocolEncoder} writes points into a reusable
 * {@link io.cnosdb.spring.core.write.LineProtocolBuffer} and refuses anything the CnosDB
 * 2.4 parser would reject or read back differently;
 * {@link io.cnosdb.spring.core.write.LineProtocolRowWriter} writes rows into such a
 * buffer without {@code Point} objects, by the same rules and through the same code.
 */
@NullMarked
package io.cnosdb.spring.core.write;

import org.jspecify.annotations.NullMarked;
