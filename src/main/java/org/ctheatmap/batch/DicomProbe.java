package org.ctheatmap.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Tells cheaply whether a file looks like DICOM, reading at most its first
 * 132 bytes, so that finding the studies of a large cohort does not parse
 * every header. A false positive only makes the study fail later with the
 * DICOM reader's message.
 */
final class DicomProbe {

	private static final int PREAMBLE_BYTES = 128;
	private static final int HEAD_BYTES = PREAMBLE_BYTES + 4;

	private DicomProbe() {}

	/**
	 * Returns whether a folder tree contains at least one file that looks like
	 * DICOM. Hidden files and folders (name starting with '.') are skipped,
	 * as the DICOM reader skips them; unreadable entries are passed over.
	 */
	static boolean containsDicom(Path folder) throws IOException {
		boolean[] found = { false };
		Files.walkFileTree(folder, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
					: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
				throws IOException
			{
				if (!attributes.isRegularFile() || isHidden(file)) return FileVisitResult.CONTINUE;
				found[0] = looksLikeDicom(file);
				return found[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) {
				return FileVisitResult.CONTINUE;
			}
		});
		return found[0];
	}

	/**
	 * Returns whether a file is named *.dcm, has the "DICM" prefix after the
	 * 128-byte preamble, or starts without preamble with an element of group
	 * 0002 or 0008 (little endian) followed by an explicit VR or a plausible
	 * implicit length.
	 */
	static boolean looksLikeDicom(Path file) throws IOException {
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm")) return true;
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD_BYTES);
		}
		if (head.length == HEAD_BYTES && head[128] == 'D' && head[129] == 'I' &&
			head[130] == 'C' && head[131] == 'M') return true;
		if (head.length < 8) return false;
		boolean groupStart = head[1] == 0 && (head[0] == 0x02 || head[0] == 0x08);
		boolean explicitVr = isUpperLetter(head[4]) && isUpperLetter(head[5]);
		long implicitLength = (head[4] & 0xffL) | (head[5] & 0xffL) << 8 | (head[6] & 0xffL) <<
			16 | (head[7] & 0xffL) << 24;
		return groupStart && (explicitVr || implicitLength <= Files.size(file));
	}

	private static boolean isUpperLetter(byte value) {
		return value >= 'A' && value <= 'Z';
	}

	private static boolean isHidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}
}
