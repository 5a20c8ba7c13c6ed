package io.cnosdb.spring.core;

/**
 * What {@link CnosOperations#writeCsv(String, java.nio.file.Path, CsvImportOptions)} wrote.
 *
 * @param rowsWritten the data rows the server acknowledged
 * @param batchesWritten the requests the server acknowledged
 */
public record CsvImportResult(long rowsWritten, long batchesWritten) {

}
