package org.ctheatmap.cli;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.measure.MeasurementTable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the JSON sidecar content of a measurement run. */
final class MeasureSidecar {

	/** Rule by which ROIs form regions, stated in the sidecar. */
	static final String ROI_GROUPING = "ROIs in one ImageJ group (group > 0) form one region" +
		" named after the group; other ROIs with exactly the same name form one region; a ROI" +
		" without a name is a region of its own. Each ROI lies on its own slice and frame" +
		" (1-based, 0 = all).";

	/** Rule by which labels form regions, stated in the sidecar. */
	static final String LABEL_GROUPING = "Every voxel with label L > 0 belongs to region" +
		" 'Label L'; regions are measured from the label voxels, not from traced outlines.";

	private MeasureSidecar() {}

	/**
	 * Returns the sidecar content: software, inputs, parameters, grid, table
	 * columns and the definition of every statistic.
	 *
	 * @param labels the label map read, or null for a ROI set
	 * @param roiCount number of ROIs read from a ROI set
	 */
	static Map<String, Object> of(MeasureRequest request, CtVolume ct, CtVolume labels,
		int roiCount, MeasurementTable table)
	{
		Map<String, Object> sidecar = new LinkedHashMap<>();
		Map<String, Object> software = new LinkedHashMap<>();
		software.put("name", SoftwareVersion.NAME);
		software.put("version", SoftwareVersion.version());
		sidecar.put("software", software);
		sidecar.put("command", "measure");

		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("ct", volume(request.ct().toString(), ct));
		if (labels != null) {
			inputs.put("labels", volume(request.regionFile().toString(), labels));
		} else {
			Map<String, Object> rois = new LinkedHashMap<>();
			rois.put("path", request.regionFile().toString());
			rois.put("roiCount", roiCount);
			inputs.put("rois", rois);
		}
		sidecar.put("inputs", inputs);

		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("thresholdHu", request.thresholdHu());
		parameters.put("seriesUid", request.seriesUid());
		sidecar.put("parameters", parameters);

		double[] spacing = ct.geometry().spacing();
		sidecar.put("spacingMm", spacing);
		sidecar.put("voxelVolumeMm3", spacing[0] * spacing[1] * spacing[2]);
		sidecar.put("regions", labels != null ? LABEL_GROUPING : ROI_GROUPING);

		Map<String, Object> output = new LinkedHashMap<>();
		output.put("file", MeasureJob.CSV_NAME);
		output.put("rows", table.rows().size());
		output.put("columns", table.headers());
		sidecar.put("table", output);
		sidecar.put("statistics", MeasurementTable.definitions());
		return sidecar;
	}

	private static Map<String, Object> volume(String path, CtVolume volume) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("path", path);
		entry.put("dimensions", new int[] { volume.width(), volume.height(), volume.depth(),
			volume.frames() });
		entry.put("spacingMm", volume.geometry().spacing());
		entry.put("huConversion", volume.huConversion());
		entry.put("metadata", withoutIdentifiers(volume.metadata()));
		entry.put("warnings", volume.warnings());
		return entry;
	}

	/**
	 * Returns the metadata without any key that names the patient or a birth
	 * date. Readers already leave these out; this is a second line of defence
	 * because a sidecar travels with shared results.
	 */
	static Map<String, String> withoutIdentifiers(Map<String, String> metadata) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : metadata.entrySet()) {
			String key = e.getKey().toLowerCase(Locale.ROOT);
			if (key.contains("patient") || key.contains("birth")) continue;
			kept.put(e.getKey(), e.getValue());
		}
		return kept;
	}
}
