package io.cnosdb.spring.core.csv;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.write.CnosPrecision;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Options of
 * {@link CnosOperations#writeCsv(String, java.nio.file.Path, CsvImportOptions)};
 * immutable, each {@code with...} method returns a copy.
 *
 * @param batchSize the most rows per request (default 10,000)
 * @param maxBatchBytes a batch is sent once its line protocol reaches this many bytes,
 * even with fewer rows (default 8 MiB; CnosDB refuses bodies over 160 MiB)
 * @param precision the unit of integer values in the {@code time} column, also the
 * {@code precision} of the requests; {@code null} (the default) for the table's precision
 * @param columnSeparator the separator between values (default {@code ,})
 */
public record CsvImportOptions(int batchSize, int maxBatchBytes, @Nullable CnosPrecision precision,
		char columnSeparator) {

	private static final CsvImportOptions DEFAULTS = new CsvImportOptions(10_000, 8 * 1024 * 1024, null, ',');

	public CsvImportOptions {
		Assert.isTrue(batchSize > 0, "batchSize must be positive");
		Assert.isTrue(maxBatchBytes > 0, "maxBatchBytes must be positive");
		Assert.isTrue(columnSeparator != '"' && columnSeparator != '\n' && columnSeparator != '\r',
				"columnSeparator must not be a quote or a line break");
	}

	/** The defaults: 10,000 rows or 8 MiB per batch, the table's precision, commas. */
	public static CsvImportOptions defaults() {
		return DEFAULTS;
	}

	public CsvImportOptions withBatchSize(int batchSize) {
		return new CsvImportOptions(batchSize, this.maxBatchBytes, this.precision, this.columnSeparator);
	}

	public CsvImportOptions withMaxBatchBytes(int maxBatchBytes) {
		return new CsvImportOptions(this.batchSize, maxBatchBytes, this.precision, this.columnSeparator);
	}

	public CsvImportOptions withPrecision(@Nullable CnosPrecision precision) {
		return new CsvImportOptions(this.batchSize, this.maxBatchBytes, precision, this.columnSeparator);
	}

	public CsvImportOptions withColumnSeparator(char columnSeparator) {
		return new CsvImportOptions(this.batchSize, this.maxBatchBytes, this.precision, columnSeparator);
	}

}
