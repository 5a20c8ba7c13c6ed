/**
 * What every part of the client shares: its defaults and how values appear in messages.
 */
@NullMarked
package io.cnosdb.spring.core.support;

import org.jspecify.annotations.NullMarked;
