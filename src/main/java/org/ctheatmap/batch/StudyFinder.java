package org.ctheatmap.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ctheatmap.io.InvalidInputException;

/**
 * Finds the studies in a batch input folder. Only the folder's direct
 * entries are considered, in name order:
 * <ul>
 * <li>a sub-folder whose tree contains at least one DICOM file is one study,
 * read by the DICOM reader (largest CT series of the tree); a symbolic link
 * to a folder counts as that folder, and the study's input is the target;</li>
 * <li>a file ending in one of {@link #IMAGE_EXTENSIONS} (any case) is one
 * study;</li>
 * <li>hidden entries (name starting with '.') and the output folder are
 * skipped silently; everything else is listed in {@link StudyList#notes()}.</li>
 * </ul>
 * A study is named after its folder, or after its file without the
 * extension ("p01.nii.gz" becomes "p01"). When two entries would get the same
 * name, ignoring case, they keep their full file names, and any name still
 * shared gets "-2", "-3" in entry order.
 */
public final class StudyFinder {

	/** Extensions of image files that are studies of their own, lower case, longest first. */
	public static final List<String> IMAGE_EXTENSIONS = Collections.unmodifiableList(Arrays
		.asList(".nii.gz", ".nii", ".tiff", ".tif", ".nrrd", ".nhdr", ".mha", ".mhd", ".dcm"));

	private StudyFinder() {}

	/**
	 * Lists the studies of an input folder.
	 *
	 * @param inputFolder folder that contains the studies; only read
	 * @param outputFolder batch output folder, which may not exist yet; it may
	 *          lie inside the input folder but not inside a study
	 * @throws InvalidInputException if the input folder is missing or a file,
	 *           or the output folder is the input folder or lies inside a
	 *           study folder
	 * @throws IOException if listing the folder fails
	 */
	public static StudyList find(Path inputFolder, Path outputFolder) throws IOException {
		if (!Files.exists(inputFolder)) {
			throw new InvalidInputException(inputFolder, "folder not found");
		}
		if (!Files.isDirectory(inputFolder)) {
			throw new InvalidInputException(inputFolder, "is a file; give the folder that contains" +
				" the studies");
		}
		Path in = canonical(inputFolder);
		Path out = canonical(outputFolder);
		if (out.equals(in)) {
			throw new InvalidInputException(outputFolder, "is the input folder; choose another" +
				" output folder");
		}
		List<Path> candidates = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		int dicomFiles = 0;
		for (Path entry : sortedEntries(in)) {
			String fileName = entry.getFileName().toString();
			if (fileName.startsWith(".") || entry.equals(out)) continue;
			if (Files.isDirectory(entry)) {
				// A linked study folder is read through its target, because folder walks do
				// not follow links.
				Path folder = entry.toRealPath();
				if (!DicomProbe.containsDicom(folder)) {
					notes.add(fileName + "/: ignored, contains no DICOM files");
					continue;
				}
				if (out.startsWith(folder)) {
					throw new InvalidInputException(outputFolder, "lies inside the study folder " +
						entry + "; choose an output folder outside it");
				}
				candidates.add(entry);
			} else if (imageExtension(fileName) != null) {
				if (imageExtension(fileName).equals(".dcm")) dicomFiles++;
				candidates.add(entry);
			} else if (Files.isRegularFile(entry) && DicomProbe.looksLikeDicom(entry)) {
				notes.add(fileName + ": ignored, a DICOM file without the .dcm extension; put" +
					" the files of a series in a sub-folder to process them as one study");
			} else {
				notes.add(fileName + ": ignored, neither a DICOM folder nor an image file (" +
					String.join(", ", IMAGE_EXTENSIONS) + ")");
			}
		}
		if (dicomFiles > 1) {
			notes.add(dicomFiles + " .dcm files in the input folder itself are " + dicomFiles +
				" separate studies; put the files of one series in a sub-folder to process them" +
				" as one study");
		}
		return new StudyList(name(candidates), notes);
	}

	/**
	 * Returns the image extension that ends a file name, ignoring case, or null
	 * when the name has none of {@link #IMAGE_EXTENSIONS}.
	 */
	static String imageExtension(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		for (String extension : IMAGE_EXTENSIONS) {
			if (lower.endsWith(extension) && lower.length() > extension.length()) return extension;
		}
		return null;
	}

	/** Names the study entries and returns them sorted by name. */
	private static List<Study> name(List<Path> candidates) throws IOException {
		Map<String, Integer> baseCounts = new HashMap<>();
		for (Path input : candidates) {
			baseCounts.merge(key(baseName(input)), 1, Integer::sum);
		}
		Set<String> taken = new HashSet<>();
		List<Study> studies = new ArrayList<>();
		for (Path input : candidates) {
			String name = baseName(input);
			if (baseCounts.get(key(name)) > 1 || isReserved(name)) {
				name = input.getFileName().toString();
			}
			String unique = name;
			for (int n = 2; !taken.add(key(unique)); n++) {
				unique = name + "-" + n;
			}
			studies.add(new Study(unique, Files.isDirectory(input) ? input.toRealPath() : input));
		}
		studies.sort(Comparator.comparing(Study::name));
		return studies;
	}

	private static String baseName(Path input) {
		String fileName = input.getFileName().toString();
		if (Files.isDirectory(input)) return fileName;
		return fileName.substring(0, fileName.length() - imageExtension(fileName).length());
	}

	private static boolean isReserved(String name) {
		return key(name).equals(key(BatchJob.SUMMARY_NAME));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static List<Path> sortedEntries(Path folder) throws IOException {
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			for (Path entry : stream) {
				entries.add(entry);
			}
		}
		Collections.sort(entries);
		return entries;
	}

	/**
	 * Returns the absolute path with symbolic links resolved as far as the path
	 * exists, so that an output folder that does not exist yet still compares
	 * correctly with the input folder.
	 */
	static Path canonical(Path path) throws IOException {
		Path absolute = path.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) return absolute;
		return existing.toRealPath().resolve(existing.relativize(absolute));
	}
}
