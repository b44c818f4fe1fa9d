package org.ctheatmap.cli;

import ij.ImagePlus;
import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.Interpolation;
import org.ctheatmap.compare.PatientVolume;
import org.ctheatmap.compare.Resampler;
import org.ctheatmap.compare.TimePoint;
import org.ctheatmap.compare.TimePointComparison;
import org.ctheatmap.compare.report.ComparisonReport;
import org.ctheatmap.compare.report.ReportFolder;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.RoiSetReader;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;

/**
 * Runs one comparison for {@code ct-heatmap compare}: reads the scans and
 * regions, compares every follow-up with the baseline and writes the report
 * folder (see {@link ComparisonReport}), which appears only when complete.
 */
public final class CompareJob {

	private CompareJob() {}

	/**
	 * Runs the comparison.
	 *
	 * @param progress receives reading, registration and writing progress
	 * @return the comparison, its region table (null without regions) and
	 *         the files written
	 * @throws InvalidInputException naming the file, if an input cannot be
	 *           read, has several time points, or the regions do not fit the
	 *           baseline, or if the report folder exists and overwriting was
	 *           not requested
	 * @throws IOException if writing fails
	 */
	public static CompareResult run(CompareRequest request, ProgressListener progress)
		throws IOException
	{
		try (ReportFolder folder = ReportFolder.begin(request.outputFolder(), request.overwrite(),
			request.inputs()))
		{
			ReadOptions options = new ReadOptions(null, progress);
			CtVolume baseline = CtReaders.open(request.baseline(), options);
			List<CtVolume> followUps = new ArrayList<>();
			List<TimePoint> points = new ArrayList<>();
			for (int f = 0; f < request.followUps().size(); f++) {
				CtVolume followUp = CtReaders.open(request.followUps().get(f), options);
				followUps.add(followUp);
				points.add(TimePoint.of(request.names().get(f + 1), followUp));
			}
			TimePointComparison comparison;
			try {
				comparison = TimePointComparison.run(baseline, TimePoint.of(request.names().get(0),
					baseline), followUps, points, request.settings(), progress);
			} catch (IllegalArgumentException e) {
				throw new InvalidInputException(request.baseline(), e.getMessage(), e);
			}
			ChangeTable table = table(request, comparison, progress);
			Map<String, Object> inputs = request.describeInputs();
			List<String> files = ComparisonReport.write(comparison, table, request.report(),
				inputs, folder.folder(), progress);
			folder.commit();
			return new CompareResult(comparison, table, folder.target(), files);
		}
	}

	private static ChangeTable table(CompareRequest request, TimePointComparison comparison,
		ProgressListener progress) throws IOException
	{
		if (request.labels() != null) {
			ImagePlus labels = labelsOnBaseline(request.labels(), comparison, progress);
			try {
				return comparison.changeTable(labels, progress);
			} catch (IllegalArgumentException e) {
				throw new InvalidInputException(request.labels(), e.getMessage(), e);
			}
		}
		if (request.rois() != null) {
			List<Roi> rois = RoiSetReader.read(request.rois());
			try {
				ImagePlus image = comparison.baselineVolume().image();
				return comparison.changeTable(RoiRegions.group(rois, VoxelGrid.of(image)),
					progress);
			} catch (IllegalArgumentException e) {
				throw new InvalidInputException(request.rois(), e.getMessage(), e);
			}
		}
		return null;
	}

	/**
	 * Reads a label map and brings it onto the baseline grid: as it is when
	 * it has the baseline's size and geometry, otherwise by nearest-neighbour
	 * resampling in patient coordinates, with 0 outside the label map.
	 */
	static ImagePlus labelsOnBaseline(Path file, TimePointComparison comparison,
		ProgressListener progress) throws IOException
	{
		CtVolume labels = CtReaders.open(file, new ReadOptions(null, progress));
		if (labels.frames() != 1) {
			throw new InvalidInputException(file, "has " + labels.frames() + " time points; a" +
				" label map has one");
		}
		PatientVolume baseline = comparison.baseline();
		PatientVolume source = PatientVolume.of(labels, 1);
		if (source.sameGrid(baseline)) return labels.image();
		PatientVolume resampled = Resampler.onto(source, baseline, Interpolation.NEAREST,
			progress);
		for (float[] slice : resampled.values().slices()) {
			for (int index = 0; index < slice.length; index++) {
				if (slice[index] != slice[index]) slice[index] = 0;
			}
		}
		return resampled.toCtVolume("labels", "label", "labels resampled onto the baseline grid")
			.image();
	}
}
