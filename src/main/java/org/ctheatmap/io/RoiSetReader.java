package org.ctheatmap.io;

import ij.gui.Roi;
import ij.io.RoiDecoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads ImageJ ROIs from a ROI set ".zip" saved by the ROI Manager, or from a
 * single ".roi" file, with ImageJ's {@link RoiDecoder}. Needs no window, so it
 * works headless.
 * <p>
 * Each ROI keeps the name stored inside its ".roi" data. Only a ROI without
 * a stored name is named after its zip entry or file, without ".roi".
 */
public final class RoiSetReader {

	/**
	 * Largest ".roi" entry read, in bytes, so that a crafted zip cannot expand
	 * without bound. ImageJ 1.54p's RoiDecoder uses the same 5 MB limit for
	 * files whose name does not end in ".roi".
	 */
	static final int MAX_ROI_BYTES = 5 * 1024 * 1024;

	private RoiSetReader() {}

	/**
	 * Reads the ROIs of a ".zip" ROI set, in entry order, or the ROI of a
	 * ".roi" file.
	 *
	 * @throws InvalidInputException if the file is missing, has another
	 *           extension or is not a valid zip, if the zip contains no ".roi"
	 *           entry, or if an entry is not an ImageJ ROI
	 * @throws IOException if reading fails
	 */
	public static List<Roi> read(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!Files.isRegularFile(file)) {
			throw new InvalidInputException(file, "ROI file not found");
		}
		if (name.endsWith(".roi")) {
			List<Roi> rois = new ArrayList<>();
			try (InputStream in = Files.newInputStream(file)) {
				rois.add(decode(file, file.getFileName().toString(), readLimited(file, in)));
			}
			return rois;
		}
		if (!name.endsWith(".zip")) {
			throw new InvalidInputException(file,
				"not a ROI set; expected a .zip saved by the ROI Manager or a .roi file");
		}
		return readZip(file);
	}

	private static List<Roi> readZip(Path file) throws IOException {
		List<Roi> rois = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip
				.getNextEntry())
			{
				if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(
					".roi"))
				{
					continue;
				}
				rois.add(decode(file, entry.getName(), readLimited(file, zip)));
			}
		} catch (ZipException e) {
			throw new InvalidInputException(file, "not a valid zip file: " + e.getMessage(), e);
		}
		if (rois.isEmpty()) {
			throw new InvalidInputException(file, "the zip file contains no .roi entry");
		}
		return rois;
	}

	private static byte[] readLimited(Path file, InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			bytes.write(buffer, 0, n);
			if (bytes.size() > MAX_ROI_BYTES) {
				throw new InvalidInputException(file, "a ROI is larger than " + MAX_ROI_BYTES +
					" bytes; this is not an ImageJ ROI set");
			}
		}
		return bytes.toByteArray();
	}

	private static Roi decode(Path file, String entry, byte[] bytes) throws IOException {
		Roi roi;
		try {
			roi = new RoiDecoder(bytes, entry).getRoi();
		} catch (IOException | RuntimeException e) {
			// RoiDecoder indexes past the end of truncated data.
			throw new InvalidInputException(file, "'" + entry + "' is not a valid ImageJ ROI: " +
				e.getMessage(), e);
		}
		if (roi == null) {
			throw new InvalidInputException(file, "'" + entry +
				"' is an ImageJ ROI of a type that cannot be read");
		}
		return roi;
	}
}
