package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Writes, under {@code cnosdb.write}: request compression, the precision of timestamps
 * and the batching writer.
 */
public class CnosDbWriteProperties {

	/**
	 * Compression of write request bodies. Gzip costs more CPU than it saves on fast
	 * links, so use it only on slow ones.
	 */
	private CnosWriteCompression compression = CnosWriteCompression.NONE;

	/**
	 * Gzip level of write request bodies, from 1 (fastest) to 9 (smallest).
	 */
	private int compressionLevel = 1;

	/**
	 * Precision of the timestamps of writes that name none (lines, and the batching
	 * writer): ns, us or ms.
	 */
	private CnosPrecision precision = CnosPrecision.NS;

	@NestedConfigurationProperty
	private final CnosDbBatchProperties batch = new CnosDbBatchProperties();

	public CnosWriteCompression getCompression() {
		return this.compression;
	}

	public void setCompression(CnosWriteCompression compression) {
		this.compression = compression;
	}

	public int getCompressionLevel() {
		return this.compressionLevel;
	}

	public void setCompressionLevel(int compressionLevel) {
		this.compressionLevel = compressionLevel;
	}

	public CnosPrecision getPrecision() {
		return this.precision;
	}

	public void setPrecision(CnosPrecision precision) {
		this.precision = precision;
	}

	public CnosDbBatchProperties getBatch() {
		return this.batch;
	}

}
