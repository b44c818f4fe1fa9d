package org.ctheatmap.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this software, for sidecars and the command line. */
public final class SoftwareVersion {

	/** Name written next to the version in sidecars. */
	public static final String NAME = "CT Heat Map";

	private static final String RESOURCE = "/org/ctheatmap/version.properties";

	private SoftwareVersion() {}

	/**
	 * Returns the Maven project version that the build wrote into
	 * {@code version.properties}, e.g. "0.1.0-SNAPSHOT", or "unknown" when the
	 * resource is missing or was not filtered (as when classes are compiled
	 * outside Maven).
	 */
	public static String version() {
		try (InputStream in = SoftwareVersion.class.getResourceAsStream(RESOURCE)) {
			if (in == null) return "unknown";
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "unknown");
			return version.startsWith("${") ? "unknown" : version;
		} catch (IOException e) {
			return "unknown";
		}
	}
}
