package org.ctheatmap.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctheatmap.cli.HeatMapJob;

/**
 * The output folder of one study: whether it is finished, which files it
 * contains, and how a staged folder replaces it.
 * <p>
 * A study is written into a hidden staging folder next to its final folder
 * and renamed into place when its log is closed, so an interrupted batch
 * never leaves a partial study folder under the study's name. A finished
 * folder contains every file of {@link HeatMapJob#outputNames()} and a
 * complete sidecar; a failed one contains only the log.
 */
final class StudyFolder {

	/** Name prefix of staging folders in the batch output folder. */
	static final String STAGING_PREFIX = ".ct-heatmap-batch-";

	private static final Pattern SLICES = Pattern.compile(
		"\"dimensions\"\\s*:\\s*\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*(\\d+)");

	private StudyFolder() {}

	/** Returns the names of the files a batch writes into a study folder, log last. */
	static List<String> fileNames() {
		List<String> names = new ArrayList<>(HeatMapJob.outputNames());
		names.add(BatchJob.LOG_NAME);
		return names;
	}

	/**
	 * Returns whether a study folder is finished: every heat-map output is a
	 * file and the sidecar is complete, that is its text starts with '{' and
	 * ends with '}'. The sidecar writer renames a finished temporary file into
	 * place, so a partial sidecar appears only when someone copies one.
	 */
	static boolean isFinished(Path folder) throws IOException {
		for (String name : HeatMapJob.outputNames()) {
			if (!Files.isRegularFile(folder.resolve(name))) return false;
		}
		String sidecar = readSidecar(folder);
		return sidecar.startsWith("{") && sidecar.endsWith("}");
	}

	/** Returns the slices per time point recorded in a folder's sidecar, or null. */
	static Integer slices(Path folder) throws IOException {
		Matcher matcher = SLICES.matcher(readSidecar(folder));
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}

	/**
	 * Returns the paths, relative to the batch output folder, of the batch
	 * files present in a study folder, in {@link #fileNames()} order.
	 */
	static List<String> presentFiles(Path folder, String study) {
		List<String> present = new ArrayList<>();
		for (String name : fileNames()) {
			if (Files.isRegularFile(folder.resolve(name))) present.add(study + "/" + name);
		}
		return present;
	}

	/** Returns the names of entries in a study folder that a batch does not write. */
	static List<String> otherEntries(Path folder) throws IOException {
		List<String> others = new ArrayList<>();
		if (!Files.isDirectory(folder)) return others;
		List<String> ours = fileNames();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!ours.contains(name)) others.add(name);
			}
		}
		others.sort(null);
		return others;
	}

	/** Creates an empty hidden staging folder in the batch output folder. */
	static Path stage(Path outputFolder) throws IOException {
		// A plain new folder, unlike Files.createTempDirectory, gets the default permissions.
		return Files.createDirectory(outputFolder.resolve(STAGING_PREFIX + UUID.randomUUID()));
	}

	/**
	 * Renames a staging folder to the study folder. An existing study folder
	 * is first renamed aside, then deleted once the new one is in place. If
	 * the second rename fails, the old folder is put back.
	 *
	 * @throws IOException if a rename fails
	 */
	static void commit(Path staging, Path target) throws IOException {
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			return;
		}
		Path old = Files.createDirectory(target.getParent().resolve(STAGING_PREFIX + "old-" + UUID
			.randomUUID()));
		Files.delete(old);
		Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		deleteRecursively(old);
	}

	/** Deletes a file or a folder tree; does nothing when it does not exist. */
	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
		if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
				for (Path entry : entries) {
					deleteRecursively(entry);
				}
			}
		}
		Files.deleteIfExists(path);
	}

	private static String readSidecar(Path folder) throws IOException {
		Path sidecar = folder.resolve(HeatMapJob.SIDECAR_NAME);
		if (!Files.isRegularFile(sidecar)) return "";
		return new String(Files.readAllBytes(sidecar), StandardCharsets.UTF_8).trim();
	}
}
