package io.cnosdb.spring.autoconfigure.aot;

import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for what the CnosDB client and its auto-configuration
 * reach through reflection whatever the application does:
 * <ul>
 * <li>the Apache HttpClient 5 classes whose presence they check with
 * {@link ClassUtils#isPresent(String, ClassLoader)}. In a native image
 * {@code Class.forName} finds only registered classes: without these hints the checks
 * would fail there and the client would silently fall back to the JDK's HTTP client, keep
 * HttpClient's automatic retries (which resend a refused write) and read an abandoned
 * answer to its end instead of aborting it. They are registered without a condition: a
 * lookup by name is how they would be reached;</li>
 * <li>{@link LinkedHashMap}, the type Jackson makes for the ping and error answers read
 * as a {@code Map}: it builds the map with its own instantiator, but looks at the type
 * first.</li>
 * </ul>
 * The application's {@code @Measurement} types are registered by
 * {@link MeasurementTypesBeanFactoryInitializationAotProcessor}.
 */
class CnosDbRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The classes the client and its auto-configuration look for, each with
	 * {@code ClassUtils.isPresent}.
	 */
	static final List<String> CHECKED_CLASSES = List.of("org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
			"org.apache.hc.core5.http.io.EofSensorInputStream",
			"org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String className : CHECKED_CLASSES) {
			hints.reflection().registerTypeIfPresent(classLoader, className);
		}
		hints.reflection().registerType(LinkedHashMap.class);
	}

}
