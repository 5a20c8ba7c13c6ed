package io.cnosdb.spring.core.write;

/** What a field of a {@link Point} holds, and so how its value is stored and written. */
enum ValueKind {

	LONG, DOUBLE, BOOLEAN, STRING, UNSIGNED

}
