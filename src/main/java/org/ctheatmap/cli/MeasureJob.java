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
