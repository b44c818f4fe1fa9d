package org.ctheatmap.compare.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.ctheatmap.io.InvalidInputException;

/**
 * A report folder written atomically: files go into a hidden temporary
 * folder beside the target, which is renamed to the target only when
 * {@link #commit()} is called, so readers never see a partial report and a
 * failed run leaves none. Closing without a commit deletes the temporary
 * folder.
 */
public final class ReportFolder implements Closeable {

	private final Path target;
	private final boolean overwrite;
	private final Path staging;

	private ReportFolder(Path target, boolean overwrite, Path staging) {
		this.target = target;
		this.overwrite = overwrite;
		this.staging = staging;
	}

	/**
	 * Checks the target and creates the temporary folder beside it.
	 *
	 * @param target report folder to create; its parent is created if missing
	 * @param overwrite whether an existing target folder may be replaced
	 * @param inputs files and folders the report is made from; the target may
	 *          not be one of them or contain one
	 * @throws InvalidInputException if the target exists and overwriting is
	 *           not allowed, it is a file, or it is or contains an input
	 * @throws IOException if the temporary folder cannot be created
	 */
	public static ReportFolder begin(Path target, boolean overwrite, List<Path> inputs)
		throws IOException
	{
		Path folder = target.toAbsolutePath().normalize();
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new InvalidInputException(target, "exists and is not a folder");
		}
		if (Files.exists(folder) && !overwrite) {
			throw new InvalidInputException(target,
				"already exists; allow overwriting or choose another report folder");
		}
		for (Path input : inputs) {
			if (input == null) continue;
			Path in = input.toAbsolutePath().normalize();
			if (in.startsWith(folder)) {
				throw new InvalidInputException(target, "is or contains the input " + input +
					"; choose another report folder");
			}
		}
		Path parent = folder.getParent();
		Files.createDirectories(parent);
		// A plain new folder, unlike Files.createTempDirectory, gets the default permissions.
		Path staging = Files.createDirectory(parent.resolve("." + folder.getFileName() + "." +
			UUID.randomUUID()));
		return new ReportFolder(folder, overwrite, staging);
	}

	/** Returns the temporary folder that receives the report's files. */
	public Path folder() {
		return staging;
	}

	/** Returns the final report folder. */
	public Path target() {
		return target;
	}

	/**
	 * Replaces the target by the temporary folder. An existing target is
	 * deleted first, which {@link #begin} allows only with overwriting, so
	 * for a moment neither exists.
	 *
	 * @throws IOException if the rename fails; the temporary folder is then
	 *           deleted on {@link #close()}
	 */
	public void commit() throws IOException {
		if (Files.exists(target)) {
			if (!overwrite) throw new InvalidInputException(target, "appeared while writing");
			deleteRecursively(target);
		}
		Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Deletes the temporary folder if it still exists. */
	@Override
	public void close() throws IOException {
		deleteRecursively(staging);
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
