package org.ctheatmap.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Batch input folders built from the phantom in {@code test-images/}, and a
 * reader for the summary CSV, shared by the batch, command-line and command
 * tests.
 */
public final class BatchInputs {

	/** Phantom DICOM series: 48 slices of 128 x 128 voxels. */
	public static final Path DICOM = Paths.get("test-images", "baseline-dicom");

	/** The same phantom as NIfTI. */
	public static final Path NIFTI = Paths.get("test-images", "baseline.nii.gz");

	/** Slices of the phantom. */
	public static final int SLICES = 48;

	/** Bytes kept of the NIfTI file to make a broken study: the header and part of the data. */
	private static final int TRUNCATED_BYTES = 4000;

	private BatchInputs() {}

	/**
	 * Fills a folder with three studies: "p01", a DICOM folder; "p02.nii.gz", a
	 * NIfTI file; and "p03.nii.gz", a truncated NIfTI file that cannot be read.
	 */
	public static Path threeStudies(Path folder) throws IOException {
		copyFolder(DICOM, Files.createDirectories(folder.resolve("p01")));
		Files.copy(NIFTI, folder.resolve("p02.nii.gz"));
		byte[] bytes = Files.readAllBytes(NIFTI);
		Files.write(folder.resolve("p03.nii.gz"), Arrays.copyOf(bytes, TRUNCATED_BYTES));
		return folder;
	}

	/** Copies the regular files of a folder, not its sub-folders. */
	public static void copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	/** Copies a folder tree, e.g. the outputs of an earlier run. */
	public static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				} else {
					Files.copy(path, target);
				}
			}
		}
	}

	/** Returns the names in a folder that start with '.', such as leftover staging folders. */
	public static List<String> hiddenEntries(Path folder) throws IOException {
		List<String> hidden = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".")) hidden.add(name);
			}
		}
		return hidden;
	}

	/**
	 * Reads a CSV file written by the summary (RFC 4180: fields with commas or
	 * quotes are quoted, quotes doubled) into rows of cells, header first.
	 */
	public static List<List<String>> readCsv(Path file) throws IOException {
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					cell.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			} else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			} else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) throw new IOException("Last line of " + file +
			" does not end with a line break");
		return rows;
	}
}
