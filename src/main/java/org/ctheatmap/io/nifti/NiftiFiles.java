package org.ctheatmap.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.ctheatmap.io.InvalidInputException;

/** File names and compression of NIfTI files and .hdr/.img pairs. */
final class NiftiFiles {

	private static final String[] EXTENSIONS = { ".nii.gz", ".nii", ".hdr.gz", ".hdr", ".img.gz",
		".img", ".gz" };

	private NiftiFiles() {}

	/** Returns the file name without a NIfTI extension, e.g. "ct" for "ct.nii.gz". */
	static String title(Path file) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		for (String extension : EXTENSIONS) {
			if (lower.endsWith(extension) && lower.length() > extension.length()) {
				return name.substring(0, name.length() - extension.length());
			}
		}
		return name;
	}

	/**
	 * Returns the file that contains the header: the .hdr beside an .img (keeping
	 * a .gz suffix), or the file itself for any other name.
	 */
	static Path headerFileOf(Path file) {
		return swapPairExtension(file, ".img", ".hdr");
	}

	/**
	 * Returns the .img file of an .hdr header.
	 *
	 * @throws InvalidInputException if the header's name does not end in .hdr
	 *           or .hdr.gz, so the data file cannot be found
	 */
	static Path dataFileOf(Path headerFile) throws InvalidInputException {
		Path data = swapPairExtension(headerFile, ".hdr", ".img");
		if (data.equals(headerFile)) {
			throw new InvalidInputException(headerFile, "the magic marks the header of an" +
				" .hdr/.img pair, but the file name does not end in .hdr, so the .img file" +
				" cannot be found");
		}
		if (!Files.exists(data) && data.toString().endsWith(".gz")) {
			String name = data.getFileName().toString();
			return data.resolveSibling(name.substring(0, name.length() - 3));
		}
		if (!Files.exists(data)) {
			Path zipped = data.resolveSibling(data.getFileName() + ".gz");
			if (Files.exists(zipped)) return zipped;
		}
		return data;
	}

	/** Returns true when the file starts with the gzip signature 1f 8b. */
	static boolean isGzip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.read() == 0x1f && in.read() == 0x8b;
		}
	}

	private static Path swapPairExtension(Path file, String from, String to) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		for (String suffix : new String[] { from + ".gz", from }) {
			if (lower.endsWith(suffix)) {
				int stem = name.length() - suffix.length();
				boolean upper = Character.isUpperCase(name.charAt(stem + 1));
				String replaced = upper ? to.toUpperCase(Locale.ROOT) : to;
				String rest = name.substring(stem + from.length());
				return file.resolveSibling(name.substring(0, stem) + replaced + rest);
			}
		}
		return file;
	}
}
