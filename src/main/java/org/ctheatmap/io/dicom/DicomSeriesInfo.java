package org.ctheatmap.io.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Summary of one DICOM series found by {@link DicomSeriesReader#scan}, from
 * headers only, for choosing a series before its pixels are read. Carries no
 * patient-identifying value. Instances are immutable.
 */
public final class DicomSeriesInfo {

	private final String seriesInstanceUid;
	private final String seriesDescription;
	private final String seriesNumber;
	private final String modality;
	private final String studyDate;
	private final int sliceCount;
	private final int width;
	private final int height;
	private final double[] spacing;
	private final String transferSyntaxUid;
	private final boolean readable;
	private final List<String> warnings;

	DicomSeriesInfo(String seriesInstanceUid, String seriesDescription, String seriesNumber,
		String modality, String studyDate, int sliceCount, int width, int height, double[] spacing,
		String transferSyntaxUid, boolean readable, List<String> warnings)
	{
		this.seriesInstanceUid = seriesInstanceUid;
		this.seriesDescription = seriesDescription;
		this.seriesNumber = seriesNumber;
		this.modality = modality;
		this.studyDate = studyDate;
		this.sliceCount = sliceCount;
		this.width = width;
		this.height = height;
		this.spacing = spacing.clone();
		this.transferSyntaxUid = transferSyntaxUid;
		this.readable = readable;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	/** Returns the Series Instance UID; empty for images that lack one. */
	public String seriesInstanceUid() {
		return seriesInstanceUid;
	}

	/** Returns the Series Description, or an empty string. */
	public String seriesDescription() {
		return seriesDescription;
	}

	/** Returns the Series Number as text, or an empty string. */
	public String seriesNumber() {
		return seriesNumber;
	}

	public String modality() {
		return modality;
	}

	/** Returns the Study Date as YYYYMMDD, or an empty string. */
	public String studyDate() {
		return studyDate;
	}

	/**
	 * Returns the number of slices the volume would have: images without
	 * localizers and duplicate positions, or all images when the series cannot
	 * be assembled.
	 */
	public int sliceCount() {
		return sliceCount;
	}

	/** Returns the number of columns (pixels per row). */
	public int width() {
		return width;
	}

	/** Returns the number of rows. */
	public int height() {
		return height;
	}

	/**
	 * Returns the voxel spacing in mm along columns (x), rows (y) and slices.
	 * The slice value is NaN when the positions do not give it.
	 */
	public double[] spacing() {
		return spacing.clone();
	}

	public String transferSyntaxUid() {
		return transferSyntaxUid;
	}

	/** Returns whether {@link DicomSeriesReader#read} can read this series. */
	public boolean readable() {
		return readable;
	}

	/** Returns the problems found in the headers, or why the series is unreadable. */
	public List<String> warnings() {
		return warnings;
	}

	/**
	 * Returns a one-line summary, e.g.
	 * "#201 CT HEAD: 512 x 512 x 28 slices, 0.4512 x 0.4512 x 5 mm".
	 */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "#%s %s %s: %d x %d x %d slices, %s x %s x %s mm%s",
			seriesNumber, modality, seriesDescription, width, height, sliceCount, mm(spacing[0]),
			mm(spacing[1]), mm(spacing[2]), readable ? "" : " (unreadable)");
	}

	private static String mm(double value) {
		return Double.isNaN(value) ? "?" : SliceGeometry.mm(value);
	}
}
