package org.ctheatmap.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ctheatmap.io.InvalidInputException;

/**
 * Stages a job's output files and folders in a hidden temporary folder and
 * moves them into the output folder only when all of them are complete, so a
 * failed run leaves no partial output behind.
 * <p>
 * The temporary folder is created in the output folder's nearest existing
 * ancestor, so the final moves stay on one file system. The output folder and
 * its missing parents are created only by {@link #commit()}.
 */
final class OutputStaging implements Closeable {

	private final Path outputFolder;
	private final List<String> names;
	private final Path stagingFolder;

	private OutputStaging(Path outputFolder, List<String> names, Path stagingFolder) {
		this.outputFolder = outputFolder;
		this.names = names;
		this.stagingFolder = stagingFolder;
	}

	/**
	 * Checks the output folder and creates the staging folder.
	 *
	 * @param outputFolder folder that receives the files; may not exist yet
	 * @param names names of every output file or folder, without parent folders
	 * @param overwrite whether existing outputs of the same names may be
	 *          replaced
	 * @param inputs files and folders the job reads; no output may replace one
	 * @throws InvalidInputException if the output folder is a file, an output
	 *           exists and {@code overwrite} is false, or an output would
	 *           replace an input
	 */
	static OutputStaging begin(Path outputFolder, List<String> names, boolean overwrite,
		List<Path> inputs) throws IOException
	{
		Path folder = outputFolder.toAbsolutePath().normalize();
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new InvalidInputException(outputFolder, "exists and is not a folder");
		}
		for (String name : names) {
			Path target = folder.resolve(name);
			for (Path input : inputs) {
				if (Files.exists(input) && Files.exists(target) && Files.isSameFile(input, target)) {
					throw new InvalidInputException(target,
						"is an input of this run and cannot be an output; choose another --out folder");
				}
			}
			if (Files.exists(target) && !overwrite) {
				throw new InvalidInputException(target,
					"already exists; pass --overwrite to replace it or choose another --out folder");
			}
		}
		Path ancestor = folder;
		while (!Files.isDirectory(ancestor)) {
			ancestor = ancestor.getParent();
		}
		// A plain new folder, unlike Files.createTempDirectory, gets the default permissions.
		Path staging = Files.createDirectory(ancestor.resolve(".ct-heatmap-" + UUID.randomUUID()));
		return new OutputStaging(folder, new ArrayList<>(names), staging);
	}

	/** Returns where the job writes the output of the given name before the commit. */
	Path stagedFile(String name) {
		if (!names.contains(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a declared output");
		}
		return stagingFolder.resolve(name);
	}

	/** Returns the staging folder, for writers that create several outputs at once. */
	Path stagingFolder() {
		return stagingFolder;
	}

	/** Returns the final path of the output of the given name. */
	Path finalFile(String name) {
		return outputFolder.resolve(name);
	}

	/**
	 * Creates the output folder and moves every staged output into it. An
	 * existing output folder of the same name is deleted first, which
	 * {@link #begin} allows only with {@code overwrite}.
	 *
	 * @throws IOException if a declared output was not written or a move fails;
	 *           files already moved by this call are then deleted, but older
	 *           outputs they replaced are not restored
	 */
	void commit() throws IOException {
		for (String name : names) {
			if (!Files.exists(stagingFolder.resolve(name))) {
				throw new IOException("Output " + name + " was not written");
			}
		}
		Files.createDirectories(outputFolder);
		List<Path> moved = new ArrayList<>();
		try {
			for (String name : names) {
				Path target = outputFolder.resolve(name);
				if (Files.isDirectory(target)) deleteRecursively(target);
				Files.move(stagingFolder.resolve(name), target,
					StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				moved.add(target);
			}
		} catch (IOException e) {
			for (Path target : moved) {
				deleteRecursively(target);
			}
			throw e;
		}
	}

	/** Deletes the staging folder and whatever is still in it. */
	@Override
	public void close() throws IOException {
		deleteRecursively(stagingFolder);
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
		if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
				for (Path entry : entries) {
					deleteRecursively(entry);
				}
			}
		}
		Files.delete(path);
	}
}
