package io.cnosdb.spring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of the libraries on the class path, as their Maven metadata records them.
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * The version of {@code groupId:artifactId}, or {@code ?} if its metadata is not on
	 * the class path.
	 */
	public static String of(String groupId, String artifactId) {
		String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
		try (InputStream in = Versions.class.getResourceAsStream(resource)) {
			if (in == null) {
				return "?";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** {@code JDK <version> (<vm>)}. */
	public static String jdk() {
		return "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
	}

}
