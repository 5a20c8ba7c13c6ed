package io.cnosdb.spring.autoconfigure.aot.scanned;

import io.cnosdb.spring.core.write.annotation.Tag;

/** Not a measurement itself: its annotated field is written with its subclass. */
public abstract class SensorBase {

	@Tag
	private String sensorId;

	public String getSensorId() {
		return this.sensorId;
	}

	public void setSensorId(String sensorId) {
		this.sensorId = sensorId;
	}

}
