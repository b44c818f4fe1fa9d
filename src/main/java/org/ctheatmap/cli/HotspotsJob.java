package org.ctheatmap.cli;

import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.Hotspot;
import org.ctheatmap.core.hotspot.HotspotFinder;
import org.ctheatmap.core.hotspot.HotspotMap;
import org.ctheatmap.io.CsvWriter;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.RoiSetWriter;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.lut.HotspotOutlines;

/**
 * Runs one hotspot job: read a map or CT, find 3-D connected regions at or
 * above a threshold in each time point (see {@link HotspotFinder}), and
 * write a CSV table, an ImageJ ROI set of their outlines and a JSON sidecar.
 * The outputs appear together at the end or not at all.
 */
public final class HotspotsJob {

	/** One row per hotspot, units in the headers. */
	public static final String CSV_NAME = "hotspots.csv";

	/** Outlines, one ROI per hotspot and slice, for the ROI Manager. */
	public static final String ROIS_NAME = "hotspots-rois.zip";

	/** Parameters, the hotspots and the input's grid. */
	public static final String SIDECAR_NAME = "hotspots.json";

	private static final List<String> OUTPUTS = Collections.unmodifiableList(Arrays.asList(
		CSV_NAME, ROIS_NAME, SIDECAR_NAME));

	private static final List<String> HEADERS = Collections.unmodifiableList(Arrays.asList(
		"Hotspot", "Frame", "Voxels", "Volume (mm³)", "Peak", "Mean", "Peak x (mm)",
		"Peak y (mm)", "Peak z (mm)", "Centroid x (mm)", "Centroid y (mm)", "Centroid z (mm)",
		"Centroid i (voxel)", "Centroid j (voxel)", "Centroid k (voxel)", "First slice",
		"Last slice"));

	private HotspotsJob() {}

	/**
	 * Runs the job.
	 *
	 * @param threshold lowest map value of a hotspot, in the map's unit
	 * @param minVolumeMm3 smallest hotspot kept, in mm³
	 * @return the hotspots of every time point, numbered per time point
	 * @throws org.ctheatmap.io.InvalidInputException if the input cannot be
	 *           read or an output exists without overwrite
	 * @throws IOException if writing fails
	 */
	public static List<Hotspot> run(Path input, Path outputFolder, String seriesUid,
		double threshold, Connectivity connectivity, double minVolumeMm3, boolean overwrite,
		ProgressListener progress) throws IOException
	{
		try (OutputStaging staging = OutputStaging.begin(outputFolder, OUTPUTS, overwrite,
			Collections.singletonList(input)))
		{
			CtVolume volume = CtReaders.open(input, new ReadOptions(seriesUid, progress));
			float[][] slices = FloatVolume.wrap(volume.image().getStack()).slices();
			List<Hotspot> hotspots = new ArrayList<>();
			List<Roi> rois = new ArrayList<>();
			for (int t = 1; t <= volume.frames(); t++) {
				float[][] frame = Arrays.copyOfRange(slices, (t - 1) * volume.depth(), t * volume
					.depth());
				HotspotMap found = HotspotFinder.find(frame, volume.width(), volume.height(), volume
					.geometry(), threshold, connectivity, minVolumeMm3, t, progress);
				hotspots.addAll(found.hotspots());
				rois.addAll(HotspotOutlines.trace(found, t, volume.frames() > 1));
			}
			CsvWriter.write(HEADERS, rows(hotspots), staging.stagedFile(CSV_NAME));
			RoiSetWriter.write(rois, staging.stagedFile(ROIS_NAME));
			Map<String, Object> sidecar = new LinkedHashMap<>();
			Map<String, Object> software = new LinkedHashMap<>();
			software.put("name", SoftwareVersion.NAME);
			software.put("version", SoftwareVersion.version());
			software.put("command", CtHeatMapCli.PROGRAM + " hotspots");
			sidecar.put("software", software);
			sidecar.put("input", input.toString());
			sidecar.put("spacingMm", volume.geometry().spacing());
			sidecar.put("coordinates", "DICOM LPS patient coordinates in mm; voxel indices are" +
				" 0-based column, row, slice; slices in 'slices' are 1-based");
			sidecar.put("threshold", threshold);
			sidecar.put("thresholdRule", "value >= threshold; NaN never belongs to a hotspot");
			sidecar.put("connectivity", connectivity.label());
			sidecar.put("minVolumeMm3", minVolumeMm3);
			sidecar.put("numbering", "per time point, by decreasing peak, then decreasing size");
			List<Object> list = new ArrayList<>();
			for (Hotspot hotspot : hotspots) {
				list.add(hotspot.toMap());
			}
			sidecar.put("hotspots", list);
			sidecar.put("warnings", new ArrayList<>(volume.warnings()));
			JsonWriter.write(sidecar, staging.stagedFile(SIDECAR_NAME));
			staging.commit();
			return hotspots;
		}
	}

	private static List<List<Object>> rows(List<Hotspot> hotspots) {
		List<List<Object>> rows = new ArrayList<>();
		for (Hotspot h : hotspots) {
			List<Object> row = new ArrayList<>(Arrays.asList(h.name(), h.frame(), h.voxelCount(), h
				.volumeMm3(), h.peak(), h.mean()));
			for (double v : h.peakMm()) {
				row.add(v);
			}
			for (double v : h.centroidMm()) {
				row.add(v);
			}
			for (double v : h.centroidVoxel()) {
				row.add(v);
			}
			row.add(h.firstSlice());
			row.add(h.lastSlice());
			rows.add(row);
		}
		return rows;
	}
}
