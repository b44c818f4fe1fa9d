package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a macro file through real ImageJ 1 ({@code ij.jar -batch}) under Xvfb,
 * with this project's packaged jars in a fresh plugins folder, as a user of
 * plain ImageJ would install them.
 * <p>
 * ImageJ 1.54 cannot run menu commands with {@code java.awt.headless=true}
 * (building the menu bar throws {@code HeadlessException}), so a virtual X
 * display is needed; tests are skipped when {@code xvfb-run} is missing. A
 * macro error opens a modal dialog there, which would block forever, so every
 * run has a time limit and a run that hits it counts as failed.
 */
final class ImageJRunner {

	/** Time limit for one macro; each example took 3 to 20 s on a loaded 2-core machine. */
	private static final long TIMEOUT_SECONDS = 300;

	private final Path home;

	/**
	 * Prepares an ImageJ folder with the plugin jars inside {@code workDir}.
	 *
	 * @throws IOException if the jars cannot be copied
	 */
	ImageJRunner(Path workDir) throws IOException {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(),
			"xvfb-run not installed; real ImageJ macro tests need a virtual display");
		home = workDir.resolve("imagej");
		Path plugins = Files.createDirectories(home.resolve("plugins"));
		Files.createDirectories(plugins.resolve("jars"));
		Files.copy(jar("cli.jar"), plugins.resolve("jars/ct-heatmap-cli.jar"));
		// ImageJ 1 reads plugins.config only from jars whose name has an underscore.
		Files.copy(jar("ij1.jar"), plugins.resolve("CT_Heat_Map.jar"));
	}

	/**
	 * Runs a macro file with an argument string (read in the macro with
	 * getArgument()) and returns everything ImageJ printed.
	 *
	 * @throws AssertionError if ImageJ does not finish within the time limit
	 */
	String run(Path macro, String argument) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add("xvfb-run");
		command.add("-a");
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx3g");
		// A private home keeps ImageJ and SciJava preferences out of the user's.
		command.add("-Duser.home=" + home.toAbsolutePath());
		command.add("-jar");
		command.add(jar("ij.jar").toString());
		command.add("-ijpath");
		command.add(home.toAbsolutePath().toString());
		command.add("-batch");
		command.add(macro.toAbsolutePath().toString());
		command.add(argument);
		Path log = home.resolve("output.txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError("ImageJ did not finish " + macro.getFileName() + " within " +
				TIMEOUT_SECONDS + " s; a macro error dialog may be waiting. Output:\n" +
				new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	/** Returns the macro file of this project with the given name. */
	static Path macro(String name) {
		return projectDir().resolve("macros").resolve(name);
	}

	static Path projectDir() {
		return Paths.get(System.getProperty("project.dir", "."));
	}

	private static Path jar(String property) {
		String path = System.getProperty(property);
		assumeTrue(path != null && Files.isRegularFile(Paths.get(path)), "System property " +
			property + " does not name a file; run the macro tests with 'mvn verify'");
		return Paths.get(path);
	}
}
