package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.compare.Alignment;
import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.ComparisonSettings;
import org.ctheatmap.compare.DifferenceDisplay;
import org.ctheatmap.compare.DifferenceMaps;
import org.ctheatmap.compare.DifferenceSettings;
import org.ctheatmap.compare.FollowUpComparison;
import org.ctheatmap.compare.PatientVolume;
import org.ctheatmap.compare.RegistrationMetric;
import org.ctheatmap.compare.RegistrationSettings;
import org.ctheatmap.compare.TimePoint;
import org.ctheatmap.compare.TimePointComparison;
import org.ctheatmap.compare.report.ComparisonReport;
import org.ctheatmap.compare.report.ReportFolder;
import org.ctheatmap.compare.report.ReportOptions;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapSettings;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Compares a baseline CT with follow-ups: aligns each follow-up onto the
 * baseline grid, maps the change in HU and %, and measures ROIs drawn on the
 * baseline at every time point (see {@link TimePointComparison}). No input
 * image is modified.
 * <p>
 * Scans come from open images or from files and folders (DICOM, NIfTI,
 * TIFF); a given baseline file replaces the baseline image. ROIs come from
 * {@code roiFile}, otherwise from the ROI Manager when Java is not headless,
 * otherwise from the baseline image's overlay; without ROIs there is no
 * change table. Outputs share the baseline grid and have one frame per
 * follow-up. With a report folder, the files of {@link ComparisonReport} are
 * written there too. Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Compare Time Points")
public class CompareTimePointsCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Compare Time Points";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Baseline image", required = false)
	private ImagePlus baseline;

	@Parameter(label = "Baseline file or folder", required = false, persist = false,
		description = "Replaces the baseline image when given: DICOM folder, NIfTI or TIFF")
	private File baselineFile;

	@Parameter(label = "Follow-up images (titles, comma-separated)", required = false,
		persist = false)
	private String followUpImages = "";

	@Parameter(label = "Follow-up files or folders (separated by ;)", required = false,
		persist = false)
	private String followUpFiles = "";

	@Parameter(label = "Alignment", persist = false, choices = {
		Alignment.Labels.AUTOMATIC, Alignment.Labels.PATIENT_COORDINATES,
		Alignment.Labels.REGISTRATION },
		description = "Automatic: patient coordinates for one DICOM frame of reference, else" +
			" rigid registration")
	private String alignment = Alignment.AUTOMATIC.label();

	@Parameter(label = "Registration metric", persist = false, choices = {
		RegistrationMetric.Labels.NCC, RegistrationMetric.Labels.MATTES_MI },
		description = "NCC for one scanner type; Mattes MI (mutual information) when scanners" +
			" or kernels differ")
	private String metric = RegistrationMetric.NCC.label();

	@Parameter(label = "Smoothing sigma (mm)", persist = false,
		description = "Gaussian applied to both scans before subtracting; 0 for none")
	private double smoothingSigmaMm = 0;

	@Parameter(label = "Minimum baseline for % (HU)", persist = false,
		description = "The % change is NaN where |baseline| is below this")
	private double minBaselineHu = DifferenceSettings.DEFAULT_MIN_BASELINE_HU;

	@Parameter(label = "Changes inside the body only", persist = false)
	private boolean bodyOnly = true;

	@Parameter(label = "Colormap", persist = false, choices = { Colormaps.COOLWARM,
		Colormaps.RDBU })
	private String colormap = Colormaps.COOLWARM;

	@Parameter(label = "Range ± (HU)", persist = false,
		description = "0: the 99th percentile of |change| in the body, rounded up")
	private double rangeHu = 0;

	@Parameter(label = "Range ± (%)", persist = false, description = "0: automatic")
	private double rangePercent = 0;

	@Parameter(label = "ROI set file (.zip or .roi)", required = false, persist = false,
		description = "Empty: the ROI Manager, or the baseline overlay when headless")
	private File roiFile;

	@Parameter(label = "Report folder", required = false, persist = false,
		style = FileWidget.DIRECTORY_STYLE, description = "Empty: no files are written")
	private File reportFolder;

	@Parameter(label = "Replace an existing report folder", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Change (ΔHU)")
	private ImagePlus changeHu;

	@Parameter(type = ItemIO.OUTPUT, label = "Change (%)")
	private ImagePlus changePercent;

	@Parameter(type = ItemIO.OUTPUT, label = "Aligned follow-ups")
	private ImagePlus aligned;

	@Parameter(type = ItemIO.OUTPUT, label = "ROI changes")
	private ResultsTable changes;

	@Parameter(type = ItemIO.OUTPUT, label = "Trend plots")
	private ImagePlus trendPlots;

	@Override
	public void run() {
		String problem = CompareMessages.validate(baseline, baselineFile, followUpImages,
			followUpFiles, alignment, metric, colormap, smoothingSigmaMm, minBaselineHu, rangeHu,
			rangePercent);
		if (problem != null) {
			cancel(NAME + ": " + problem);
			return;
		}
		try {
			ProgressListener progress = new StatusProgress(status, NAME);
			TimePointComparison comparison = compare(progress);
			ChangeTable table = changeTable(comparison, progress);
			publish(comparison, table);
			if (!MeasureOutputs.isEmpty(reportFolder)) writeReport(comparison, table, progress);
			logWarnings(comparison);
		} catch (IllegalArgumentException | IOException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	private TimePointComparison compare(ProgressListener progress) throws IOException {
		ReadOptions options = new ReadOptions(null, progress);
		CtVolume base = MeasureOutputs.isEmpty(baselineFile) ? HuImages.toHuVolume(baseline)
			: CtReaders.open(baselineFile.toPath(), options);
		String baseName = MeasureOutputs.isEmpty(baselineFile) ? baseline.getTitle()
			: baselineFile.getName();
		List<CtVolume> volumes = new ArrayList<>();
		List<TimePoint> points = new ArrayList<>();
		for (String title : split(followUpImages, ",")) {
			ImagePlus image = WindowManager.getImage(title);
			if (image == null) {
				throw new IllegalArgumentException(String.format(CompareMessages.IMAGE_NOT_FOUND,
					title));
			}
			CtVolume volume = HuImages.toHuVolume(image);
			volumes.add(volume);
			points.add(TimePoint.of(title, volume));
		}
		for (String path : split(followUpFiles, ";")) {
			Path file = Paths.get(path);
			CtVolume volume = CtReaders.open(file, options);
			volumes.add(volume);
			points.add(TimePoint.of(file.getFileName().toString(), volume));
		}
		ComparisonSettings settings = new ComparisonSettings(Alignment.fromLabel(alignment),
			RegistrationSettings.DEFAULT.withMetric(RegistrationMetric.fromLabel(metric)),
			new DifferenceSettings(smoothingSigmaMm, minBaselineHu), bodyOnly);
		return TimePointComparison.run(base, TimePoint.of(baseName, base), volumes, points,
			settings, progress);
	}

	private ChangeTable changeTable(TimePointComparison comparison, ProgressListener progress)
		throws IOException
	{
		if (MeasureOutputs.isEmpty(roiFile) && baseline == null) return null;
		ImagePlus roiImage = baseline != null ? baseline : comparison.baselineVolume().image();
		List<Roi> rois = RoiSources.read(RoiSources.choose(roiFile, roiImage), roiFile,
			roiImage);
		if (rois.isEmpty()) return null;
		ImagePlus grid = comparison.baselineVolume().image();
		return comparison.changeTable(RoiRegions.group(rois, VoxelGrid.of(grid)), progress);
	}

	private void publish(TimePointComparison comparison, ChangeTable table) {
		List<PatientVolume> absolute = new ArrayList<>();
		List<PatientVolume> relative = new ArrayList<>();
		List<PatientVolume> followUps = new ArrayList<>();
		for (FollowUpComparison followUp : comparison.followUps()) {
			absolute.add(followUp.maps().absolute());
			relative.add(followUp.maps().relative());
			followUps.add(followUp.aligned());
		}
		CtVolume base = comparison.baselineVolume();
		String title = comparison.baselinePoint().name();
		changeHu = CompareOutputs.hyperstack(title + " change (ΔHU)", absolute, base,
			DifferenceMaps.ABSOLUTE_UNIT, display(comparison, absolute, rangeHu,
				DifferenceMaps.ABSOLUTE_UNIT));
		changePercent = CompareOutputs.hyperstack(title + " change (%)", relative, base,
			DifferenceMaps.RELATIVE_UNIT, display(comparison, relative, rangePercent,
				DifferenceMaps.RELATIVE_UNIT));
		aligned = CompareOutputs.hyperstack(title + " aligned follow-ups", followUps, base,
			CtVolume.VALUE_UNIT, null);
		changes = table == null ? null : table.toResultsTable();
		trendPlots = CompareOutputs.trendPlots(table);
	}

	/** Returns the display of a set of maps: the given range, or the widest automatic one. */
	private HeatMapSettings display(TimePointComparison comparison, List<PatientVolume> maps,
		double range, String unit)
	{
		double limit = range;
		if (!(limit > 0)) {
			limit = 0;
			for (PatientVolume map : maps) {
				limit = Math.max(limit, DifferenceDisplay.automaticLimit(map.values(), comparison
					.body(), DifferenceDisplay.DEFAULT_PERCENTILE));
			}
		}
		return DifferenceDisplay.settings(Colormaps.get(colormap), limit, unit, CtWindow.preset(
			CtWindow.SOFT_TISSUE), ReportOptions.DEFAULT.opacity());
	}

	private void writeReport(TimePointComparison comparison, ChangeTable table,
		ProgressListener progress) throws IOException
	{
		ReportOptions options = new ReportOptions(colormap, rangeHu > 0 ? rangeHu : Double.NaN,
			rangePercent > 0 ? rangePercent : Double.NaN, CtWindow.preset(CtWindow.SOFT_TISSUE),
			ReportOptions.DEFAULT.opacity(), ReportOptions.DEFAULT.montageSlices(),
			ReportOptions.DEFAULT.montageColumns(), true);
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("baseline", comparison.baselinePoint().name());
		List<String> names = new ArrayList<>();
		for (TimePoint point : comparison.timePoints().subList(1, comparison.timePoints()
			.size()))
		{
			names.add(point.name());
		}
		inputs.put("followUps", names);
		inputs.put("command", NAME);
		List<Path> files = new ArrayList<>();
		if (!MeasureOutputs.isEmpty(baselineFile)) files.add(baselineFile.toPath());
		for (String path : split(followUpFiles, ";")) {
			files.add(Paths.get(path));
		}
		try (ReportFolder folder = ReportFolder.begin(reportFolder.toPath(), overwrite, files)) {
			ComparisonReport.write(comparison, table, options, inputs, folder.folder(), progress);
			folder.commit();
		}
	}

	private void logWarnings(TimePointComparison comparison) {
		if (log == null) return;
		for (FollowUpComparison followUp : comparison.followUps()) {
			for (String warning : followUp.warnings()) {
				log.warn(NAME + ": " + warning);
			}
			log.info(NAME + ": " + followUp.timePoint().name() + " aligned by " + followUp
				.alignment().label().toLowerCase() + ", mean change " + followUp.summary().all()
					.mean() + " HU over " + followUp.summary().all().count() + " voxels");
		}
	}

	private static List<String> split(String text, String separator) {
		List<String> parts = new ArrayList<>();
		if (text == null) return parts;
		for (String part : text.split(separator)) {
			if (!part.trim().isEmpty()) parts.add(part.trim());
		}
		return parts;
	}
}
