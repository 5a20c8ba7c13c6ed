package io.cnosdb.spring.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of a mapped query, from {@link CnosStatementSpec#query(Class)}.
 *
 * @param <T> the mapped type
 */
public interface CnosMappedQuerySpec<T> {

	/** All rows. */
	List<T> list();

	/**
	 * The only row.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if there is no row
	 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there are
	 * several
	 */
	T single();

	/**
	 * The only row, or empty.
	 * @throws org.springframework.dao.IncorrectResultSizeDataAccessException if there are
	 * several
	 */
	Optional<T> optional();

	/** The rows as they are read; close the stream. */
	Stream<T> stream();

}
