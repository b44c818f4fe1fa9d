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
		for (int i = 0; i < files.size(); i++) {
			progress.progress(STEP, i, files.size());
			result.add(files.get(i), files.size() == 1);
		}
		progress.progress(STEP, files.size(), files.size());
		return result;
	}

	private void add(Path file, boolean only) throws IOException {
		// A single file is parsed even if it does not look like DICOM, so the error explains why.
		if (!only && !DicomParser.isDicom(file)) {
			notDicom++;
			return;
		}
		try {
			headers.add(DicomParser.parse(file));
		} catch (InvalidInputException e) {
			if (only) throw e;
			failures.add(e);
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
