package io.cnosdb.spring.benchmarks.real;

import java.util.Locale;

import io.cnosdb.spring.benchmarks.write.Points;
import io.cnosdb.spring.benchmarks.write.WriteDataset;
import io.cnosdb.spring.core.CnosRowWriter;
import io.cnosdb.spring.core.CnosTemplate;

/**
 * The database B6's query and B7 read from: {@value #NAME}, holding B6's points once. It
 * is kept between runs (writing 10 million points takes a while); a run that finds it
 * holding another number of points writes it again.
 */
final class ReadDatabase {

	static final String NAME = "bench_read";

	private ReadDatabase() {
	}

	/** Makes sure the database holds exactly the dataset's points. */
	static void ensure(RealServer server, WriteDataset data) {
		try (CnosTemplate admin = server.template("public")) {
			if (admin.listDatabases().contains(NAME)) {
				try (CnosTemplate read = server.template(NAME)) {
					if (read.listTables().contains(WriteDataset.MEASUREMENT) && count(read) == data.size()) {
						return;
					}
				}
				admin.dropDatabase(NAME);
			}
			admin.createDatabase(NAME);
		}
		System.out.printf(Locale.ROOT, "writing %,d points into %s for the queries%n", data.size(), NAME);
		try (CnosTemplate template = server.template(NAME); CnosRowWriter rows = template.rows()) {
			for (int i = 0; i < data.size(); i++) {
				Points.oursRow(rows.row(WriteDataset.MEASUREMENT), data, i);
				if ((i + 1) % ServerWrites.LINES_PER_REQUEST == 0) {
					rows.flush();
				}
			}
		}
		try (CnosTemplate read = server.template(NAME)) {
			long held = count(read);
			if (held != data.size()) {
				throw new IllegalStateException(NAME + " holds " + held + " points after writing " + data.size());
			}
		}
	}

	/**
	 * The points the database's table holds, counted by a field: {@code COUNT(*)} is not
	 * used, since CnosDB 2.4 answers it per series under some filters.
	 */
	static long count(CnosTemplate template) {
		Long count = template.queryForObject("SELECT COUNT(usage_user) FROM " + WriteDataset.MEASUREMENT, Long.class);
		return (count != null) ? count : 0;
	}

}
