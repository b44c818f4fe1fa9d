package org.ctheatmap.compare.report;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.DifferenceDisplay;
import org.ctheatmap.compare.DifferenceMaps;
import org.ctheatmap.compare.FollowUpComparison;
import org.ctheatmap.compare.PatientVolume;
import org.ctheatmap.compare.TimePointComparison;
import org.ctheatmap.compare.TrendPlot;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CsvWriter;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Writes the files of a comparison report into a folder:
 * <ul>
 * <li>{@code change-NAME-hu.png} and {@code change-NAME-percent.png}: montages
 * of the baseline with the change of follow-up NAME in colour, and a colour
 * bar in ΔHU or %;</li>
 * <li>with NIfTI on, {@code change-NAME-hu.nii.gz},
 * {@code change-NAME-percent.nii.gz} and {@code aligned-NAME.nii.gz}: float32
 * maps and the aligned follow-up on the baseline grid;</li>
 * <li>{@value #SUMMARY_NAME}: one row per follow-up with its alignment and
 * change statistics;</li>
 * <li>with a change table, {@value #CHANGES_NAME} and one
 * {@code trend-REGION.png} per region;</li>
 * <li>{@value #SIDECAR_NAME}: inputs, settings, transforms, colour ranges and
 * the list of files.</li>
 * </ul>
 * NAME and REGION are the time point and region names with every character
 * other than letters, digits, '.', '_' and '-' replaced by '_'.
 */
public final class ComparisonReport {

	/** Per-follow-up summary table. */
	public static final String SUMMARY_NAME = "summary.csv";

	/** Region change table. */
	public static final String CHANGES_NAME = "changes.csv";

	/** JSON sidecar. */
	public static final String SIDECAR_NAME = "comparison.json";

	/** Progress step name; one report per follow-up. */
	public static final String STEP = "Writing report";

	private ComparisonReport() {}

	/**
	 * Writes the report files into an existing folder.
	 *
	 * @param table region changes, or null for none
	 * @param inputs facts about the inputs for the sidecar, e.g. paths or
	 *          image titles; never patient names or IDs
	 * @param progress receives one report per follow-up
	 * @return the names of the files written, in writing order
	 * @throws IOException if a file cannot be written
	 */
	public static List<String> write(TimePointComparison comparison, ChangeTable table,
		ReportOptions options, Map<String, Object> inputs, Path folder, ProgressListener progress)
		throws IOException
	{
		List<String> files = new ArrayList<>();
		List<Object> ranges = new ArrayList<>();
		int done = 0;
		for (FollowUpComparison followUp : comparison.followUps()) {
			progress.progress(STEP, done++, comparison.followUps().size());
			String name = safeName(followUp.timePoint().name());
			HeatMapSettings absolute = settings(comparison, followUp.maps().absolute(), options
				.absoluteLimitHu(), DifferenceMaps.ABSOLUTE_UNIT, options);
			HeatMapSettings relative = settings(comparison, followUp.maps().relative(), options
				.relativeLimitPercent(), DifferenceMaps.RELATIVE_UNIT, options);
			files.add(montage(comparison, followUp.maps().absolute(), absolute, options, folder,
				"change-" + name + "-hu.png"));
			files.add(montage(comparison, followUp.maps().relative(), relative, options, folder,
				"change-" + name + "-percent.png"));
			ranges.add(range(followUp, absolute, relative));
			if (options.nifti()) {
				files.add(nifti(followUp.maps().absolute(), DifferenceMaps.ABSOLUTE_UNIT,
					"follow-up HU - baseline HU", folder, "change-" + name + "-hu.nii.gz"));
				files.add(nifti(followUp.maps().relative(), DifferenceMaps.RELATIVE_UNIT,
					"100 (follow-up - baseline) / |baseline|", folder, "change-" + name +
						"-percent.nii.gz"));
				files.add(nifti(followUp.aligned(), CtVolume.VALUE_UNIT,
					"follow-up HU on the baseline grid", folder, "aligned-" + name + ".nii.gz"));
			}
		}
		CsvWriter.write(SummaryTable.HEADERS, SummaryTable.rows(comparison), folder.resolve(
			SUMMARY_NAME));
		files.add(SUMMARY_NAME);
		if (table != null) {
			CsvWriter.write(ChangeTable.HEADERS, table.rows(), folder.resolve(CHANGES_NAME));
			files.add(CHANGES_NAME);
			for (String region : table.regions()) {
				String file = "trend-" + safeName(region) + ".png";
				savePng(TrendPlot.plot(table, region), folder.resolve(file));
				files.add(file);
			}
		}
		files.add(SIDECAR_NAME);
		JsonWriter.write(sidecar(comparison, table, options, inputs, ranges, files), folder
			.resolve(SIDECAR_NAME));
		progress.progress(STEP, comparison.followUps().size(), comparison.followUps().size());
		return files;
	}

	/** Returns the file-name form of a name: characters outside [A-Za-z0-9._-] become '_'. */
	public static String safeName(String name) {
		String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.isEmpty() ? "_" : safe;
	}

	private static HeatMapSettings settings(TimePointComparison comparison, PatientVolume map,
		double limit, String unit, ReportOptions options)
	{
		double half = limit == limit ? limit : DifferenceDisplay.automaticLimit(map.values(),
			comparison.body(), DifferenceDisplay.DEFAULT_PERCENTILE);
		return DifferenceDisplay.settings(Colormaps.get(options.colormap()), half, unit, options
			.window(), options.opacity());
	}

	private static String montage(TimePointComparison comparison, PatientVolume map,
		HeatMapSettings settings, ReportOptions options, Path folder, String file)
		throws IOException
	{
		CtVolume baseline = comparison.baselineVolume();
		ImageStack rgb = HeatMapRenderer.flatten(baseline, map.values().toStack(), settings,
			"change", ProgressListener.NONE).getStack();
		int[] slices = SliceMontage.slicesWithValues(map.values(), options.montageSlices());
		ColorProcessor montage = SliceMontage.build(rgb, slices, options.montageColumns());
		savePng(new ImagePlus(file, DifferenceDisplay.colourBar(settings).appendTo(montage)),
			folder.resolve(file));
		return file;
	}

	private static String nifti(PatientVolume volume, String unit, String description,
		Path folder, String file) throws IOException
	{
		NiftiWriter.write(volume.toCtVolume(file, unit, description), folder.resolve(file),
			NiftiDataType.FLOAT32);
		return file;
	}

	private static Map<String, Object> range(FollowUpComparison followUp,
		HeatMapSettings absolute, HeatMapSettings relative)
	{
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("timePoint", followUp.timePoint().name());
		map.put("absoluteRangeHu", new double[] { absolute.scale().minimum(), absolute.scale()
			.maximum() });
		map.put("relativeRangePercent", new double[] { relative.scale().minimum(), relative
			.scale().maximum() });
		return map;
	}

	private static Map<String, Object> sidecar(TimePointComparison comparison,
		ChangeTable table, ReportOptions options, Map<String, Object> inputs, List<Object> ranges,
		List<String> files)
	{
		Map<String, Object> sidecar = new LinkedHashMap<>();
		Map<String, Object> software = new LinkedHashMap<>();
		software.put("name", SoftwareVersion.NAME);
		software.put("version", SoftwareVersion.version());
		sidecar.put("software", software);
		sidecar.put("inputs", inputs);
		sidecar.put("comparison", comparison.describe());
		sidecar.put("report", options.describe());
		sidecar.put("colourRanges", ranges);
		if (table != null) sidecar.put("regions", table.regions());
		sidecar.put("files", files);
		return sidecar;
	}

	private static void savePng(ImagePlus image, Path file) throws IOException {
		if (!new FileSaver(image).saveAsPng(file.toString())) {
			throw new IOException("Failed to write " + file);
		}
	}
}
