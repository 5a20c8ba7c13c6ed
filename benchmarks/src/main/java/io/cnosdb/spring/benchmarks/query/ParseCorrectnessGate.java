package io.cnosdb.spring.benchmarks.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.cnosdb.spring.core.CnosTemplate;

/**
 * B4's gate: before anything is timed, every contender must read the same rows into
 * records equal to the generated ones, and every floor must count the same rows;
 * otherwise the run stops.
 */
final class ParseCorrectnessGate {

	private static final int ROWS = 50_000;

	private ParseCorrectnessGate() {
	}

	static void check(QueryDataset.Hosts hosts) throws Exception {
		Cpu[] expected = QueryDataset.records(ROWS, hosts);
		byte[] csv = QueryDataset.csv(ROWS, hosts);
		byte[] ndJson = QueryDataset.ndJson(ROWS, hosts);
		CnosTemplate template = ParseContenders.template(() -> new SlicedInputStream(csv));
		List<Cpu> rows = new ArrayList<>();
		ParseContenders.ours(template, ParseContenders.BY_NAME, collect(rows));
		same("ours", rows, expected);
		ParseContenders.ours(template, ParseContenders.BY_INDEX, collect(rows));
		same("oursByIndex", rows, expected);
		ParseContenders.oursDataClass(template, collect(rows));
		same("oursDataClass", rows, expected);
		ParseContenders.fastCsvRecord(new SlicedInputStream(csv), collect(rows));
		same("fastCsvRecord", rows, expected);
		ParseContenders.jacksonStreamRecord(new SlicedInputStream(ndJson), collect(rows));
		same("jacksonStreamRecord", rows, expected);
		ParseContenders.jacksonCsvBefore(new SlicedInputStream(csv), collect(rows));
		same("jacksonCsvBefore", rows, expected);
		count("fastCsvTokenize", ParseContenders.fastCsvTokenize(new SlicedInputStream(csv), (record) -> {
		}));
		count("jacksonTokenize", ParseContenders.jacksonTokenize(new SlicedInputStream(ndJson)));
		count("newlineScan", ParseContenders.newlineScan(new SlicedInputStream(csv)));
	}

	private static Consumer<Cpu> collect(List<Cpu> rows) {
		rows.clear();
		return rows::add;
	}

	private static void same(String contender, List<Cpu> rows, Cpu[] expected) {
		if (!Arrays.equals(rows.toArray(Cpu[]::new), expected)) {
			int at = 0;
			while (at < Math.min(rows.size(), expected.length) && rows.get(at).equals(expected[at])) {
				at++;
			}
			throw new IllegalStateException("Correctness gate failed: " + contender + " read " + rows.size()
					+ " rows, expected " + expected.length + "; first difference at row " + at + ": "
					+ ((at < rows.size()) ? rows.get(at) : "none") + " instead of "
					+ ((at < expected.length) ? expected[at] : "none"));
		}
	}

	private static void count(String contender, long rows) {
		if (rows != ROWS) {
			throw new IllegalStateException(
					"Correctness gate failed: " + contender + " counted " + rows + " rows, expected " + ROWS);
		}
	}

}
