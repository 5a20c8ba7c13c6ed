package io.cnosdb.spring.core.csv;

import io.cnosdb.spring.core.CnosOperations;

/**
 * What {@link CnosOperations#writeCsv(String, java.nio.file.Path, CsvImportOptions)}
 * wrote.
 *
 * @param rowsWritten the data rows the server acknowledged
 * @param batchesWritten the requests the server acknowledged
 */
public record CsvImportResult(long rowsWritten, long batchesWritten) {

}
