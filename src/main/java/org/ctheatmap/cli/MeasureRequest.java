package org.ctheatmap.cli;

import java.nio.file.Path;

/**
 * Inputs, output folder and settings of a measurement run: the CT, either a
 * label map or a ROI set, and the threshold, series and overwrite choice.
 * Instances are immutable.
 */
public final class MeasureRequest {

	private final Path ct;
	private final Path regionFile;
	private final boolean usesLabels;
	private final Path outputFolder;
	private final double thresholdHu;
	private final String seriesUid;
	private final boolean overwrite;

	private MeasureRequest(Path ct, Path regionFile, boolean usesLabels, Path outputFolder,
		double thresholdHu, String seriesUid, boolean overwrite)
	{
		this.ct = ct;
		this.regionFile = regionFile;
		this.usesLabels = usesLabels;
		this.outputFolder = outputFolder;
		this.thresholdHu = thresholdHu;
		this.seriesUid = seriesUid;
		this.overwrite = overwrite;
	}

	/**
	 * Creates a request that measures the labels of a label map on the CT's
	 * grid, with a threshold of 0 HU, the default series and no overwriting.
	 */
	public static MeasureRequest withLabels(Path ct, Path labels, Path outputFolder) {
		return new MeasureRequest(ct, labels, true, outputFolder, 0, null, false);
	}

	/**
	 * Creates a request that measures the ROIs of a ROI set (".zip" or
	 * ".roi"), with a threshold of 0 HU, the default series and no
	 * overwriting.
	 */
	public static MeasureRequest withRois(Path ct, Path rois, Path outputFolder) {
		return new MeasureRequest(ct, rois, false, outputFolder, 0, null, false);
	}

	/** Returns a copy with the threshold for "Fraction above threshold", in HU. */
	public MeasureRequest thresholdHu(double value) {
		return new MeasureRequest(ct, regionFile, usesLabels, outputFolder, value, seriesUid,
			overwrite);
	}

	/** Returns a copy that reads the DICOM series of this UID, or the default for null. */
	public MeasureRequest seriesUid(String value) {
		return new MeasureRequest(ct, regionFile, usesLabels, outputFolder, thresholdHu, value,
			overwrite);
	}

	/** Returns a copy that may replace existing outputs. */
	public MeasureRequest overwrite(boolean value) {
		return new MeasureRequest(ct, regionFile, usesLabels, outputFolder, thresholdHu,
			seriesUid, value);
	}

	public Path ct() {
		return ct;
	}

	/** Returns the label map or ROI set; see {@link #usesLabels()}. */
	public Path regionFile() {
		return regionFile;
	}

	/** Returns true for a label map, false for a ROI set. */
	public boolean usesLabels() {
		return usesLabels;
	}

	public Path outputFolder() {
		return outputFolder;
	}

	/** Returns the threshold in HU. */
	public double thresholdHu() {
		return thresholdHu;
	}

	/** Returns the DICOM Series Instance UID to read, or null for the default series. */
	public String seriesUid() {
		return seriesUid;
	}

	public boolean overwrite() {
		return overwrite;
	}
}
