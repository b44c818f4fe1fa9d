package org.ctheatmap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.ctheatmap.io.nifti.NiftiReader;

/**
 * Opens a CT from a path, choosing the reader from the file type: a folder or
 * a DICOM file, a NIfTI file ({@code .nii}, {@code .nii.gz}) or a TIFF stack.
 */
public final class CtReaders {

	private CtReaders() {}

	/**
	 * Reads a CT volume in HU. A folder goes to {@link DicomSeriesReader}, a
	 * name ending in .nii or .nii.gz to {@link NiftiReader}, .tif or .tiff to
	 * {@link TiffReader}, and any other file to the DICOM reader. The input is
	 * not modified.
	 *
	 * @throws InvalidInputException if the path is missing, of an unsupported
	 *           type, or not a valid CT; the message names the file and the
	 *           problem
	 * @throws IOException if reading fails for another reason
	 */
	public static CtVolume open(Path input, ReadOptions options) throws IOException {
		if (!Files.exists(input)) {
			throw new InvalidInputException(input, "file or folder not found");
		}
		String name = input.getFileName() == null ? "" : input.getFileName().toString()
			.toLowerCase(Locale.ROOT);
		if (Files.isDirectory(input)) {
			return DicomSeriesReader.read(input, options);
		}
		if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
			return NiftiReader.read(input, options);
		}
		if (name.endsWith(".tif") || name.endsWith(".tiff")) {
			return TiffReader.read(input, options);
		}
		return DicomSeriesReader.read(input, options);
	}
}
