package io.cnosdb.spring.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.write.DefaultTags;
import io.cnosdb.spring.core.write.EncodeBuffers;
import io.cnosdb.spring.core.write.LineProtocolEncoder;

/**
 * The encoders a template writes points with: without default tags, those its HTTP client
 * shares among all its templates (so that their caches of escaped names serve every
 * write); with default tags, one of its own per precision, shared with the templates made
 * from it.
 */
final class PointEncoders {

	static final PointEncoders SHARED = new PointEncoders(DefaultTags.NONE, null);

	private final DefaultTags defaultTags;

	private final LineProtocolEncoder @Nullable [] tagging;

	private PointEncoders(DefaultTags defaultTags, LineProtocolEncoder @Nullable [] tagging) {
		this.defaultTags = defaultTags;
		this.tagging = tagging;
	}

	static PointEncoders of(DefaultTags defaultTags) {
		if (defaultTags.isEmpty()) {
			return SHARED;
		}
		CnosPrecision[] precisions = CnosPrecision.values();
		LineProtocolEncoder[] encoders = new LineProtocolEncoder[precisions.length];
		for (CnosPrecision precision : precisions) {
			encoders[precision.ordinal()] = new LineProtocolEncoder(precision, defaultTags);
		}
		return new PointEncoders(defaultTags, encoders);
	}

	LineProtocolEncoder encoder(CnosPrecision precision, EncodeBuffers shared) {
		return (this.tagging != null) ? this.tagging[precision.ordinal()] : shared.encoder(precision);
	}

	Map<String, String> defaultTags() {
		return this.defaultTags.asMap();
	}

}
