package org.ctheatmap.commands;

import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.io.dicom.DicomSeriesInfo;

/**
 * Text for the series that Open CT Study finds: one line per series with
 * description, size and spacing, its warnings indented below, for the log,
 * the image's Info and the choice dialog.
 */
final class StudyListing {

	private StudyListing() {}

	/**
	 * Returns the choice label of a series, e.g. "1: #201 CT HEAD: 512 x 512 x
	 * 28 slices, 0.4512 x 0.4512 x 5 mm".
	 *
	 * @param index 0-based position in the list
	 */
	static String label(int index, DicomSeriesInfo series) {
		return (index + 1) + ": " + series;
	}

	/**
	 * Returns every series as its label and UID, followed by its warnings
	 * indented on their own lines.
	 */
	static List<String> lines(List<DicomSeriesInfo> series) {
		List<String> lines = new ArrayList<>();
		for (int n = 0; n < series.size(); n++) {
			DicomSeriesInfo info = series.get(n);
			String uid = info.seriesInstanceUid().isEmpty() ? "no Series Instance UID" : "UID " +
				info.seriesInstanceUid();
			lines.add(label(n, info) + " [" + uid + "]");
			for (String warning : info.warnings()) {
				lines.add("    warning: " + warning);
			}
		}
		return lines;
	}

	/** Returns the readable series, in the given order. */
	static List<DicomSeriesInfo> readable(List<DicomSeriesInfo> series) {
		List<DicomSeriesInfo> result = new ArrayList<>();
		for (DicomSeriesInfo info : series) {
			if (info.readable()) result.add(info);
		}
		return result;
	}
}
