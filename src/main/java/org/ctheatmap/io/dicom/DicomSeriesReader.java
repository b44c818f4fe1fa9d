package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;

/**
 * Reads a DICOM CT series (one file per slice, or multi-frame files) from a
 * folder tree or a single file into a {@link CtVolume} of 32-bit float HU
 * values.
 * <p>
 * Headers are read first, up to Pixel Data; pixels are read only for the
 * chosen series. Files are grouped by Series Instance UID; non-image objects,
 * localizers, duplicate positions and unreadable files in other series are
 * skipped with a warning. Slices are sorted by Image Position (Patient)
 * projected on the slice normal, never by file name or Instance Number, and
 * the slice spacing comes from those positions, never from Slice Thickness.
 * Slice 1 of the result is the one with the lowest projection.
 * <p>
 * Each frame of a multi-frame file with functional groups (Enhanced CT) is a
 * slice, placed by its Plane Position and rescaled by its Pixel Value
 * Transformation, so the same sorting and checks apply.
 * <p>
 * Supported: every {@link DicomTransferSyntax} (uncompressed, Deflated, RLE,
 * JPEG Baseline, Extended, progressive and Lossless, JPEG-LS, JPEG 2000); 8-
 * or 16-bit greyscale, signed or unsigned. Slices are decoded on all available
 * cores. Limitations: other syntaxes, and multi-frame files without functional
 * groups, are rejected with an {@link InvalidInputException} that names them.
 * Patient's Name, Patient ID and Patient's Birth Date are never read into the
 * result.
 */
public final class DicomSeriesReader {

	private DicomSeriesReader() {}

	/**
	 * Reads one series.
	 *
	 * @param input a DICOM file or a folder searched recursively; hidden files
	 *          and files that are not DICOM are ignored
	 * @param options series to read (null UID: the CT series with the most
	 *          images) and progress listener, which gets one report per file
	 *          for the header scan and one per slice for the pixels
	 * @return the volume; its warnings list which series was chosen and what
	 *         was skipped or irregular
	 * @throws InvalidInputException naming the file and the problem when the
	 *           input contains no readable image, the requested UID is absent, or
	 *           the chosen series cannot be decoded or assembled
	 * @throws IOException if a file cannot be read
	 */
	public static CtVolume read(Path input, ReadOptions options) throws IOException {
		ProgressListener progress = options.progress();
		SeriesCatalog catalog = SeriesCatalog.of(input, DicomFolderScanner.scan(input, progress));
		List<String> warnings = new ArrayList<>();
		SeriesCatalog.Series chosen = catalog.choose(input, options.seriesUid(), warnings);
		warnings.addAll(catalog.notes);
		for (DicomHeader image : chosen.images) {
			// Checks every file before any pixel is read, so errors come early.
			checkImage(image);
		}
		SeriesAssembler stack = SeriesAssembler.assemble(chosen.images);
		warnings.addAll(stack.warnings);
		return VolumeBuilder.build(input, stack, warnings, progress);
	}

	/**
	 * Lists the image series of a file or folder tree from their headers,
	 * largest first, without reading pixels.
	 *
	 * @throws InvalidInputException if the input contains no readable image
	 * @throws IOException if a file cannot be read
	 */
	public static List<DicomSeriesInfo> scan(Path input) throws IOException {
		return scan(input, ProgressListener.NONE);
	}

	/** Lists the image series as {@link #scan(Path)} does, reporting progress per file. */
	public static List<DicomSeriesInfo> scan(Path input, ProgressListener progress)
		throws IOException
	{
		SeriesCatalog catalog = SeriesCatalog.of(input, DicomFolderScanner.scan(input, progress));
		List<DicomSeriesInfo> result = new ArrayList<>();
		for (SeriesCatalog.Series series : catalog.series) {
			result.add(describe(series));
		}
		return result;
	}

	private static DicomSeriesInfo describe(SeriesCatalog.Series series) {
		DicomHeader first = series.images.get(0);
		List<String> warnings = new ArrayList<>();
		int slices = series.images.size();
		double[] spacing = { Double.NaN, Double.NaN, Double.NaN };
		boolean readable = true;
		try {
			for (DicomHeader image : series.images) {
				checkImage(image);
			}
			SeriesAssembler stack = SeriesAssembler.assemble(series.images);
			warnings.addAll(stack.warnings);
			slices = stack.slices.size();
			spacing = stack.geometry.geometry.spacing();
		} catch (InvalidInputException e) {
			readable = false;
			warnings.add("Cannot be read: " + e.getMessage());
		}
		return new DicomSeriesInfo(series.uid, first.text(DicomTag.SERIES_DESCRIPTION, ""), first
			.text(DicomTag.SERIES_NUMBER, ""), first.text(DicomTag.MODALITY, ""), first.text(
				DicomTag.STUDY_DATE, ""), slices, intOrZero(first, DicomTag.COLUMNS), intOrZero(
					first, DicomTag.ROWS), spacing, first.transferSyntaxUid(), readable, warnings);
	}

	/** Checks the pixel layout and Rescale Slope of one image or frame from its header. */
	private static void checkImage(DicomHeader image) throws InvalidInputException {
		PixelFormat.of(image);
		image.rescaleSlope();
	}

	private static int intOrZero(DicomHeader header, int tag) {
		try {
			return header.integer(tag, 0);
		} catch (InvalidInputException e) {
			return 0;
		}
	}
}
