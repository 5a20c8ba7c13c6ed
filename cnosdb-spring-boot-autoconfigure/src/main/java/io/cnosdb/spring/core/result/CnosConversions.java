package io.cnosdb.spring.core.result;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * The conversions from CnosDB's text values to Java types: Spring's defaults, plus
 * CnosDB's timestamp layouts and its {@code inf} / {@code -inf} spelling of infinity,
 * which {@link Double#parseDouble(String)} does not accept.
 */
public final class CnosConversions {

	private CnosConversions() {
	}

	/**
	 * Creates a conversion service with Spring's default converters and CnosDB's.
	 * @return a new conversion service
	 */
	public static DefaultConversionService createConversionService() {
		DefaultConversionService service = new DefaultConversionService();
		addConverters(service);
		return service;
	}

	/**
	 * Adds CnosDB's converters to a conversion service.
	 * @param service the service to add to
	 */
	public static void addConverters(DefaultConversionService service) {
		service.addConverter(String.class, Instant.class, (Converter<String, Instant>) CnosTimestamps::parseInstant);
		service.addConverter(String.class, LocalDateTime.class,
				(Converter<String, LocalDateTime>) CnosTimestamps::parseLocalDateTime);
		service.addConverter(String.class, OffsetDateTime.class,
				(Converter<String, OffsetDateTime>) (text) -> CnosTimestamps.parseInstant(text)
					.atOffset(ZoneOffset.UTC));
		service.addConverter(String.class, ZonedDateTime.class,
				(Converter<String, ZonedDateTime>) (text) -> CnosTimestamps.parseInstant(text).atZone(ZoneOffset.UTC));
		service.addConverter(String.class, Double.class, (Converter<String, Double>) CnosConversions::parseDouble);
		service.addConverter(String.class, Float.class,
				(Converter<String, Float>) (text) -> parseDouble(text).floatValue());
	}

	/**
	 * Parses a floating-point value as CnosDB writes it, {@code inf} and {@code -inf}
	 * included.
	 * @param text the text
	 * @return the value
	 */
	public static Double parseDouble(String text) {
		return switch (text) {
			case "inf", "+inf", "infinity", "Infinity" -> Double.POSITIVE_INFINITY;
			case "-inf", "-infinity", "-Infinity" -> Double.NEGATIVE_INFINITY;
			default -> Double.valueOf(text);
		};
	}

}
