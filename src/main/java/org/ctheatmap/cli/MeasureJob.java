package org.ctheatmap.cli;

import ij.ImagePlus;
import ij.gui.Roi;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CsvWriter;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.RoiSetReader;
import org.ctheatmap.measure.LabelMeasurer;
import org.ctheatmap.measure.MeasurementTable;
import org.ctheatmap.measure.RegionMeasurement;
import org.ctheatmap.measure.RegionMeasurer;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures the regions of a label map or a ROI set in a CT and writes the
 * table as CSV with a JSON sidecar; the logic behind
 * {@code ct-heatmap measure}.
 * <p>
 * Outputs go to a staging folder first and into the output folder only when
 * both are complete (see {@link OutputStaging}), so a failed run leaves none.
 */
public final class MeasureJob {

	/** Name of the table written into the output folder. */
	public static final String CSV_NAME = "measurements.csv";

	/** Name of the sidecar written into the output folder. */
	public static final String SIDECAR_NAME = "measurements.json";

	/**
	 * Largest distance between the positions of one corner voxel in the CT and
	 * in the label map, as a fraction of the smallest voxel spacing, up to which
	 * both count as one grid. A tenth of a voxel absorbs the float32 rounding of
	 * NIfTI headers but rejects a label map that is shifted or mirrored in
	 * patient space.
	 */
	static final double POSITION_TOLERANCE_VOXELS = 0.1;

	private MeasureJob() {}

	/**
	 * Runs a measurement.
	 *
	 * @param progress receives reading and measuring progress
	 * @return the table written
	 * @throws InvalidInputException naming the file, if an input is missing or
	 *           invalid, if the label map or ROIs do not fit the CT, or if an
	 *           output exists and overwriting was not requested
	 * @throws IOException if reading or writing fails for another reason
	 */
	public static MeasurementTable run(MeasureRequest request, ProgressListener progress)
		throws IOException
	{
		List<Path> inputs = Arrays.asList(request.ct(), request.regionFile());
		try (OutputStaging staging = OutputStaging.begin(request.outputFolder(), Arrays.asList(
			CSV_NAME, SIDECAR_NAME), request.overwrite(), inputs))
		{
			ReadOptions options = new ReadOptions(request.seriesUid(), progress);
			CtVolume ct = CtReaders.open(request.ct(), options);
			List<ImagePlus> images = Collections.singletonList(ct.image());
			List<RegionMeasurement> measurements;
			CtVolume labels = null;
			int roiCount = 0;
			if (request.usesLabels()) {
				labels = CtReaders.open(request.regionFile(), new ReadOptions(null, progress));
				requireSamePosition(ct, labels, request.regionFile());
				measurements = measureLabels(request, labels, images, progress);
			} else {
				List<Roi> rois = RoiSetReader.read(request.regionFile());
				roiCount = rois.size();
				measurements = measureRois(request, rois, images, progress);
			}
			MeasurementTable table = MeasurementTable.of(measurements, images, request
				.thresholdHu());
			CsvWriter.write(table.headers(), table.rows(), staging.stagedFile(CSV_NAME));
			JsonWriter.write(MeasureSidecar.of(request, ct, labels, roiCount, table), staging
				.stagedFile(SIDECAR_NAME));
			staging.commit();
			return table;
		}
	}

	private static List<RegionMeasurement> measureLabels(MeasureRequest request,
		CtVolume labels, List<ImagePlus> images, ProgressListener progress)
		throws InvalidInputException
	{
		try {
			return LabelMeasurer.measure(labels.image(), images, request.thresholdHu(),
				progress);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(request.regionFile(), e.getMessage(), e);
		}
	}

	/**
	 * Rejects a label map whose voxels lie elsewhere in patient space than the
	 * CT's voxels of the same index. Grids of different sizes are left to
	 * {@link LabelMeasurer}, which names the size difference.
	 * <p>
	 * NOTE: only DICOM and NIfTI files with a qform or sform are checked. The
	 * other readers assume an axial position when the file records none, so a
	 * difference there does not show that the anatomy differs.
	 */
	static void requireSamePosition(CtVolume ct, CtVolume labels, Path labelFile)
		throws InvalidInputException
	{
		if (!recordsPosition(ct) || !recordsPosition(labels)) return;
		if (ct.width() != labels.width() || ct.height() != labels.height() || ct.depth() !=
			labels.depth())
		{
			return;
		}
		double[] spacing = ct.geometry().spacing();
		double tolerance = POSITION_TOLERANCE_VOXELS * Math.min(spacing[0], Math.min(spacing[1],
			spacing[2]));
		int[][] corners = { { 0, ct.width() - 1 }, { 0, ct.height() - 1 }, { 0, ct.depth() -
			1 } };
		for (int i : corners[0]) {
			for (int j : corners[1]) {
				for (int k : corners[2]) {
					double[] inCt = ct.geometry().voxelToPatient(i, j, k);
					double[] inLabels = labels.geometry().voxelToPatient(i, j, k);
					double distance = distance(inCt, inLabels);
					if (distance > tolerance) {
						throw new InvalidInputException(labelFile, String.format(Locale.ROOT,
							"the label map lies elsewhere in patient space than the CT: voxel" +
								" (%d, %d, %d) is at %s mm in the label map but at %s mm in the" +
								" CT, %.2f mm apart; correct its header or resample it onto the" +
								" CT's voxel grid", i, j, k, point(inLabels), point(inCt),
							distance));
					}
				}
			}
		}
	}

	/** Returns whether the reader took the volume's position from the file. */
	private static boolean recordsPosition(CtVolume volume) {
		String format = String.valueOf(volume.metadata().get("Format"));
		if (format.equals("DICOM")) return true;
		String transform = volume.metadata().get("Transform");
		return format.startsWith("NIfTI") && ("sform".equals(transform) || "qform".equals(
			transform));
	}

	private static double distance(double[] a, double[] b) {
		double sum = 0;
		for (int axis = 0; axis < 3; axis++) {
			sum += (a[axis] - b[axis]) * (a[axis] - b[axis]);
		}
		return Math.sqrt(sum);
	}

	private static String point(double[] p) {
		return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", p[0], p[1], p[2]);
	}

	private static List<RegionMeasurement> measureRois(MeasureRequest request, List<Roi> rois,
		List<ImagePlus> images, ProgressListener progress) throws InvalidInputException
	{
		try {
			VoxelGrid grid = VoxelGrid.of(images.get(0));
			return RegionMeasurer.measureRois(RoiRegions.group(new ArrayList<>(rois), grid),
				images, request.thresholdHu(), progress);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(request.regionFile(), e.getMessage(), e);
		}
	}
}
