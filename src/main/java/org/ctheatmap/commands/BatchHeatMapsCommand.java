package org.ctheatmap.commands;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.batch.BatchJob;
import org.ctheatmap.batch.BatchListener;
import org.ctheatmap.batch.StudyFinder;
import org.ctheatmap.batch.StudyList;
import org.ctheatmap.batch.StudyOutcome;
import org.ctheatmap.batch.StudyStatus;
import org.ctheatmap.cli.HeatMapRequest;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Draws the heat map of every study in a folder with the same settings, as
 * the command line's {@code batch} does: each study goes to its own
 * sub-folder of the output folder with a TIFF stack, a PNG montage, a JSON
 * sidecar and a log, and {@value BatchJob#SUMMARY_NAME} lists every study.
 * See {@link StudyFinder} for what counts as a study and {@link BatchJob} for
 * skipping, staging and the summary.
 * <p>
 * Progress goes to the status bar and the log; each failed study is logged
 * as an error and the batch goes on. When a study failed, the command is
 * canceled at the end with a reason that names it, so that a macro or a
 * headless run does not report success. With a display, the summary table
 * is shown as "Batch summary"; headless, no window is opened.
 * <p>
 * Field names are the macro keys; never rename one. The colouring keys mean
 * the same as those of {@link HeatMapOverlayCommand}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Batch Heat Maps")
public class BatchHeatMapsCommand extends ContextCommand {

	/** Name used in status messages, log lines and cancel reasons. */
	static final String NAME = "Batch Heat Maps";

	/** Failed studies named in the cancel reason; the summary lists all. */
	private static final int NAMED_FAILURES = 3;

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Input folder (studies)", style = FileWidget.DIRECTORY_STYLE,
		persist = false, description = "Each sub-folder with DICOM files, and each .nii," +
			" .nii.gz, .tif, .tiff, .nrrd, .nhdr, .mha, .mhd or .dcm file, is one study")
	private File inputDir;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
		description = "Receives one sub-folder per study and " + BatchJob.SUMMARY_NAME)
	private File outputDir;

	@Parameter(label = "CT window", persist = false, choices = { CtWindow.SOFT_TISSUE,
		CtWindow.LUNG, CtWindow.MEDIASTINUM, CtWindow.BONE, CtWindow.BRAIN, CtWindow.LIVER,
		CtWindow.STROKE, CtWindow.SUBDURAL, CtWindow.CUSTOM },
		description = "Grey background; the presets follow Radiopaedia's typical values")
	private String window = CtWindow.SOFT_TISSUE;

	@Parameter(label = "Custom window centre (HU)", persist = false,
		description = "Used only when the CT window is Custom")
	private double windowCenterHu = 40;

	@Parameter(label = "Custom window width (HU)", persist = false,
		description = "Used only when the CT window is Custom; must be above 0")
	private double windowWidthHu = 400;

	@Parameter(label = "Colormap", persist = false, choices = { Colormaps.VIRIDIS,
		Colormaps.INFERNO, Colormaps.MAGMA, Colormaps.PLASMA, Colormaps.CIVIDIS, Colormaps.TURBO,
		Colormaps.HOT, Colormaps.FIRE, Colormaps.GRAYS, Colormaps.COOLWARM, Colormaps.RDBU,
		Colormaps.JET }, description = "jet is a legacy rainbow map, kept for older figures")
	private String colormap = Colormaps.VIRIDIS;

	@Parameter(label = "Minimum (HU)", persist = false,
		description = "Value shown in the first colour of the colormap")
	private double minHu = -100;

	@Parameter(label = "Maximum (HU)", persist = false,
		description = "Value shown in the last colour of the colormap")
	private double maxHu = 200;

	@Parameter(label = "Threshold (HU)", persist = false,
		description = "Voxels below this value, and NaN voxels, get no colour")
	private double thresholdHu = -100;

	@Parameter(label = "Opacity (0-1)", persist = false,
		description = "0 shows only the CT, 1 only the colours")
	private double opacity = 0.5;

	@Parameter(label = "Smoothing radius (mm)", persist = false,
		description = "Local mean over a box of this radius before colouring; 0 for none")
	private double smoothingRadiusMm = 0;

	@Parameter(label = "Overwrite finished studies", persist = false,
		description = "Off: studies with complete outputs are skipped")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Batch summary")
	private ResultsTable summary;

	@Override
	public void run() {
		String problem = problem();
		if (problem != null) {
			cancel(NAME + ": " + problem);
			return;
		}
		try {
			StudyList studies = StudyFinder.find(inputDir.toPath(), outputDir.toPath());
			for (String note : studies.notes()) {
				if (log != null) log.info(NAME + ": " + note);
			}
			if (studies.studies().isEmpty()) {
				cancel(NAME + ": " + BatchMessages.noStudies(inputDir));
				return;
			}
			List<StudyOutcome> outcomes = new BatchJob(outputDir.toPath(), this::request,
				overwrite, new Listener()).runAll(studies.studies());
			summary = BatchMessages.table(outcomes);
			// Shown here too, because Fiji displays no outputs of a canceled command.
			if (!RoiSources.headless()) summary.show(BatchMessages.SUMMARY_TITLE);
			String failures = BatchMessages.failures(outcomes, NAMED_FAILURES, outputDir.toPath()
				.resolve(BatchJob.SUMMARY_NAME));
			if (failures != null) cancel(NAME + ": " + failures);
		} catch (IOException | IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	/** Returns the first problem with the inputs, or null when the batch can start. */
	private String problem() {
		String folders = BatchMessages.checkFolders(inputDir, outputDir);
		if (folders != null) return folders;
		String settings = HeatMapMessages.validateSettings(window, windowCenterHu, windowWidthHu,
			minHu, maxHu, thresholdHu, opacity, smoothingRadiusMm);
		if (settings != null) return settings;
		try {
			request(inputDir.toPath(), outputDir.toPath());
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
		return null;
	}

	/** Builds the request of one study from the fields; throws IllegalArgumentException. */
	private HeatMapRequest request(Path input, Path folder) {
		CtWindow ctWindow = CtWindow.CUSTOM.equals(window) ? CtWindow.custom(windowCenterHu,
			windowWidthHu) : CtWindow.preset(window);
		return new HeatMapRequest.Builder(input, folder).window(ctWindow).colormap(colormap).range(
			minHu, maxHu).thresholdHu(thresholdHu).opacity(opacity).smoothingRadiusMm(
				smoothingRadiusMm).overwrite(overwrite).build();
	}

	/** Sends batch progress to the status bar and the log, failures as errors. */
	private final class Listener implements BatchListener {

		@Override
		public void progress(int done, int total, String line) {
			if (status != null) status.showStatus(done, total, NAME + ": " + line);
			if (log != null) log.info(NAME + ": " + line);
		}

		@Override
		public void studyEnded(StudyOutcome outcome) {
			if (log != null && outcome.status() == StudyStatus.FAILED) {
				log.error(NAME + ": study " + outcome.study().name() + " failed: " + outcome
					.error());
			}
		}
	}
}
