package io.cnosdb.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.CnosWriteCompression;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Writes, under {@code cnosdb.write}: request compression, the precision of timestamps,
 * default tags and the batching writer.
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

	/**
	 * Tags added to every point the template and the batching writer write (not to raw
	 * lines, which are sent as given), unless the point has a tag or field of that name.
	 * Values are resolved once, at startup.
	 */
	private final Map<String, String> defaultTags = new LinkedHashMap<>();

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

	public Map<String, String> getDefaultTags() {
		return this.defaultTags;
	}

	public CnosDbBatchProperties getBatch() {
		return this.batch;
	}

}
