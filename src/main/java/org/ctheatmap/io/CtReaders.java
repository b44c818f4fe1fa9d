package org.ctheatmap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.ctheatmap.io.metaimage.MetaImageReader;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.io.nrrd.NrrdReader;

/**
 * Opens a CT from a path, choosing the reader from the file type (see
 * {@link CtFormat#of}): a folder or a DICOM file, a NIfTI file, a NRRD file,
 * a MetaImage file or a TIFF stack.
 */
public final class CtReaders {

	private CtReaders() {}

	/**
	 * Reads a CT volume in HU. A folder goes to {@link DicomSeriesReader}, a
	 * NIfTI file to {@link NiftiReader}, .nrrd and .nhdr to {@link NrrdReader},
	 * .mha and .mhd to {@link MetaImageReader}, TIFF to {@link TiffReader}, and
	 * any other file, recognised or not, to the DICOM reader, whose result is
	 * then put in display order by {@link DisplayOrientation}. The input is not
	 * modified.
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
		switch (CtFormat.of(input)) {
			case NIFTI:
				return NiftiReader.read(input, options);
			case NRRD:
				return NrrdReader.read(input, options);
			case METAIMAGE:
				return MetaImageReader.read(input, options);
			case TIFF:
				return TiffReader.read(input, options);
			default:
				break;
		}
		return DisplayOrientation.apply(DicomSeriesReader.read(input, options));
	}
}
