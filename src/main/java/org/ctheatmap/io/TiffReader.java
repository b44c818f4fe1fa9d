package org.ctheatmap.io;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.io.TiffDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.PatientGeometry;

/**
 * Reads TIFF images and stacks through ImageJ's own TIFF opener, which works
 * headless, and converts them to HU with {@link HuImages#toHuVolume}.
 * <p>
 * A TIFF saved by ImageJ keeps its spatial and value calibration, its
 * hyperstack dimensions and its image properties, including the patient
 * geometry stored under {@link PatientGeometry#PROPERTY_KEY}. ImageJ stores
 * signed 16-bit data as raw + 32768 with a straight-line calibration, which
 * gives the same HU as the unsigned form.
 */
public final class TiffReader {

	private TiffReader() {}

	/**
	 * Reads a TIFF file as a new CT volume. Metadata: Format ("TIFF"), Source
	 * (absolute path) and Title; the warnings and HU conversion text come from
	 * {@link HuImages#toHuVolume}.
	 *
	 * @param options progress is reported once the file is read; the series UID
	 *          is not used
	 * @throws InvalidInputException naming the file when it is missing, not a
	 *           TIFF, shorter than its image data, or not convertible to HU
	 *           (colour, several channels, a non-linear calibration)
	 * @throws IOException if reading fails for another reason
	 */
	public static CtVolume read(Path file, ReadOptions options) throws IOException {
		if (!Files.isRegularFile(file)) throw new InvalidInputException(file, "file not found");
		String directory = file.toAbsolutePath().getParent().toString();
		String name = file.getFileName().toString();
		FileInfo[] info;
		try {
			info = new TiffDecoder(directory, name).getTiffInfo();
		} catch (IOException e) {
			throw new InvalidInputException(file, "invalid TIFF: " + e.getMessage(), e);
		}
		if (info == null || info.length == 0) {
			throw new InvalidInputException(file,
				"not a TIFF file (no TIFF header or image found)");
		}
		checkLength(file, info);

		// Opener.openTiff repeats the parse above, which has just succeeded, so its
		// error paths that open ImageJ dialogs are not reached.
		ImagePlus image = new Opener().openTiff(directory, name);
		if (image == null) throw new InvalidInputException(file, "ImageJ could not open this TIFF");
		CtVolume volume;
		try {
			volume = HuImages.toHuVolume(image);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(file, e.getMessage(), e);
		}
		options.progress().progress("Reading " + name, 1, 1);

		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "TIFF");
		metadata.put("Source", file.toAbsolutePath().normalize().toString());
		metadata.put("Title", image.getTitle());
		return new CtVolume(volume.image(), volume.geometry(), volume.huConversion(), metadata,
			volume.warnings());
	}

	/**
	 * Rejects a file that ends before its image data, which ImageJ would
	 * otherwise fill with zeros.
	 */
	private static void checkLength(Path file, FileInfo[] info) throws IOException {
		long length = Files.size(file);
		for (FileInfo fi : info) {
			long end = dataEnd(fi);
			if (end > length) {
				throw new InvalidInputException(file, "truncated TIFF: the image data ends at" +
					" byte " + end + " but the file has " + length + " bytes");
			}
		}
	}

	/** Returns the byte after the last pixel byte that one TIFF directory describes. */
	private static long dataEnd(FileInfo fi) {
		long end = 0;
		if (fi.stripOffsets != null && fi.stripLengths != null) {
			for (int n = 0; n < Math.min(fi.stripOffsets.length, fi.stripLengths.length); n++) {
				end = Math.max(end, (fi.stripOffsets[n] & 0xffffffffL) + fi.stripLengths[n]);
			}
		}
		// ImageJ stacks keep all slices contiguous after one directory.
		boolean wholeBytes = fi.fileType != FileInfo.BITMAP && fi.getBytesPerPixel() > 0;
		if (fi.compression == FileInfo.COMPRESSION_NONE && wholeBytes) {
			long image = (long) fi.width * fi.height * fi.getBytesPerPixel();
			end = Math.max(end, fi.getOffset() + fi.nImages * image + (fi.nImages - 1L) * fi
				.getGap());
		}
		return end;
	}
}
