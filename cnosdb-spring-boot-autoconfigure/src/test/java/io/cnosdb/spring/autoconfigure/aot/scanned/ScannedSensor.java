package io.cnosdb.spring.autoconfigure.aot.scanned;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;

@Measurement("sensors")
public class ScannedSensor extends SensorBase {

	@Field
	private double reading;

	public double getReading() {
		return this.reading;
	}

	public void setReading(double reading) {
		this.reading = reading;
	}

}
