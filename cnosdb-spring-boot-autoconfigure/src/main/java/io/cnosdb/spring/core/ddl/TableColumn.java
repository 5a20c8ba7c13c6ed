package io.cnosdb.spring.core.ddl;

/**
 * A column as {@code DESCRIBE TABLE} reports it.
 *
 * @param name the column name
 * @param dataType the type, such as {@code TIMESTAMP(NANOSECOND)},
 * {@code BIGINT UNSIGNED}, {@code DOUBLE} or {@code STRING}
 * @param columnType {@code TIME}, {@code TAG} or {@code FIELD}
 * @param compressionCodec the codec, such as {@code DEFAULT}
 */
public record TableColumn(String name, String dataType, String columnType, String compressionCodec) {

	/** Whether this is the table's time column. */
	public boolean isTime() {
		return "TIME".equals(this.columnType);
	}

	/** Whether this is a tag column. */
	public boolean isTag() {
		return "TAG".equals(this.columnType);
	}

	/** Whether this is a field column. */
	public boolean isField() {
		return "FIELD".equals(this.columnType);
	}

}
