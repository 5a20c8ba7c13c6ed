package io.cnosdb.spring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.http.QueryResult;
import io.cnosdb.spring.core.result.CnosColumns;
import io.cnosdb.spring.core.result.CnosRow;

import org.springframework.core.convert.ConversionService;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * How a template walks the rows of an answer: one reused {@link CnosRow} over the reader,
 * rows handed to a callback, collected into a bounded list, or mapped as a stream asks
 * for them.
 */
final class ResultRows {

	private final ConversionService conversionService;

	/**
	 * Whether values may be read without the conversion service: only when it is CnosDB's
	 * own.
	 */
	private final boolean directConversions;

	/** The most rows a list-returning query collects. */
	private final int maxRows;

	ResultRows(ConversionService conversionService, boolean directConversions, int maxRows) {
		this.conversionService = conversionService;
		this.directConversions = directConversions;
		this.maxRows = maxRows;
	}

	CnosRow newRow(QueryResult result) {
		return new CnosRow(result.columns(), result.reader(), this.conversionService, this.directConversions);
	}

	void forEach(QueryResult result, RowCallbackHandler handler) {
		CnosRow row = newRow(result);
		while (result.next()) {
			row.advance();
			handler.processRow(row);
		}
	}

	<T> List<T> list(QueryResult result, RowMapper<T> mapper, Supplier<String> description) {
		List<T> rows = new ArrayList<>();
		forEach(result, (row) -> {
			checkLimit(rows.size(), description);
			rows.add(mapper.mapRow(row, row.getRowNumber()));
		});
		return rows;
	}

	List<Map<String, @Nullable Object>> maps(QueryResult result, Supplier<String> description) {
		String[] keys = uniqueKeys(result.columns());
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		forEach(result, (row) -> {
			checkLimit(rows.size(), description);
			Map<String, @Nullable Object> map = new LinkedHashMap<>(keys.length * 2);
			for (int i = 0; i < keys.length; i++) {
				map.put(keys[i], row.getString(i));
			}
			rows.add(map);
		});
		return rows;
	}

	<T> Spliterator<T> spliterator(QueryResult result, RowMapper<T> mapper) {
		return new RowSpliterator<>(result, newRow(result), mapper);
	}

	/**
	 * Fails a list-returning query before its list exhausts the heap: an answer that
	 * large is read a row at a time, with a stream or a callback.
	 */
	private void checkLimit(int rows, Supplier<String> description) {
		if (rows >= this.maxRows) {
			throw new DataRetrievalFailureException("The answer has more than " + this.maxRows + " rows, the most a "
					+ "list holds (cnosdb.max-rows, or maxRows of the template's builder), while " + description.get()
					+ "; read it a row at a time with queryForStream or query(sql, RowCallbackHandler), narrow it "
					+ "(WHERE, LIMIT), or raise the limit");
		}
	}

	/** The column names, a repeated one suffixed {@code _2}, {@code _3}. */
	private static String[] uniqueKeys(CnosColumns columns) {
		String[] keys = new String[columns.count()];
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < keys.length; i++) {
			String name = columns.name(i);
			int count = seen.merge(name, 1, Integer::sum);
			keys[i] = (count == 1) ? name : name + "_" + count;
		}
		return keys;
	}

	/**
	 * Maps rows as the stream asks for them, one row per step, with no look-ahead: the
	 * row object shows the reader's current row, so mapping happens before the reader
	 * moves on.
	 */
	private static final class RowSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

		private final QueryResult result;

		private final CnosRow row;

		private final RowMapper<T> mapper;

		RowSpliterator(QueryResult result, CnosRow row, RowMapper<T> mapper) {
			super(Long.MAX_VALUE, Spliterator.ORDERED);
			this.result = result;
			this.row = row;
			this.mapper = mapper;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			if (!this.result.next()) {
				return false;
			}
			this.row.advance();
			action.accept(this.mapper.mapRow(this.row, this.row.getRowNumber()));
			return true;
		}

	}

}
