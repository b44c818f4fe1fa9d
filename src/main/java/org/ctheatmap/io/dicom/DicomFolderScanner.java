package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Reads the headers of every DICOM file in a folder tree, or of one file.
 * Hidden files and folders (name starting with '.') and files that do not
 * start like DICOM (README.md, thumbnails, checksums) are
 * skipped silently; DICOM files that fail to parse are collected, not thrown.
 */
final class DicomFolderScanner {

	/** Progress step name reported per file. */
	static final String STEP = "Reading DICOM headers";

	/** Headers of the files that parsed, in file-name order. */
	final List<DicomHeader> headers = new ArrayList<>();
	/** Errors of files that start like DICOM but could not be parsed. */
	final List<InvalidInputException> failures = new ArrayList<>();
	/** Number of files skipped because they do not start like DICOM. */
	int notDicom;

	private DicomFolderScanner() {}

	/**
	 * Scans a file or a folder tree; folder entries are read in sorted path
	 * order, so results do not depend on the file system.
	 *
	 * @throws NoSuchFileException if the input does not exist
	 */
	static DicomFolderScanner scan(Path input, ProgressListener progress) throws IOException {
		if (!Files.exists(input)) {
			throw new NoSuchFileException(input.toString());
		}
		List<Path> files = Files.isDirectory(input) ? listFiles(input) : Collections.singletonList(
			input);
		DicomFolderScanner result = new DicomFolderScanner();
		boolean only = files.size() == 1;
		int threads = Runtime.getRuntime().availableProcessors();
		List<Object> parsed = ParallelTasks.map(files, file -> parseOrFailure(file, only), threads,
			progress, STEP);
		for (Object item : parsed) {
			if (item instanceof DicomHeader) {
				result.headers.add((DicomHeader) item);
			} else if (item instanceof InvalidInputException) {
				result.failures.add((InvalidInputException) item);
			} else {
				result.notDicom++;
			}
		}
		return result;
	}

	/**
	 * Returns the file's header, its parse error, or null when it does not
	 * start like DICOM. A single file is parsed even if it does not look like
	 * DICOM, so the error explains why, and its error is thrown.
	 */
	private static Object parseOrFailure(Path file, boolean only) throws IOException {
		try {
			return only ? DicomParser.parse(file) : DicomParser.parseIfDicom(file);
		} catch (InvalidInputException e) {
			if (only) throw e;
			return e;
		}
	}

	private static List<Path> listFiles(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(folder, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
					: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && !isHidden(file)) files.add(file);
				return FileVisitResult.CONTINUE;
			}
		});
		Collections.sort(files);
		return files;
	}

	private static boolean isHidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}
}
