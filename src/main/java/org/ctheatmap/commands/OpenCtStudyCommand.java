package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtFormat;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.dicom.DicomSeriesInfo;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Opens a CT as a 32-bit HU stack with the suite's own readers: a DICOM
 * folder or file, NIfTI, NRRD, MetaImage or a TIFF stack. Unlike ImageJ's
 * DICOM import, slices are ordered by their position along the slice normal
 * and the patient geometry is kept with the image.
 * <p>
 * For DICOM input the series found are listed (description, size, spacing,
 * warnings) in the log and the image's Info. Without a Series Instance UID,
 * an interactive run with several readable series shows a dialog to choose
 * one. A macro, batch or headless run opens the largest CT series. A file of a type
 * the suite does not read is opened with Bio-Formats when Fiji has it (see
 * {@link BioFormatsFallback}), and the log reports it. Reader warnings go to the
 * log and to the image's Info property.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Open CT Study")
public class OpenCtStudyCommand extends ContextCommand {

	static final String NAME = "Open CT Study";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT file or DICOM folder", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		persist = false)
	private File input;

	@Parameter(label = "DICOM Series Instance UID", required = false, persist = false,
		description = "Empty to choose from the series found, or in a macro for the largest" +
			" CT series")
	private String seriesUid = "";

	@Parameter(type = ItemIO.OUTPUT, label = "CT (HU)")
	private ImagePlus ct;

	/** Opens file types the suite does not read; replaced in tests. */
	BioFormatsFallback bioFormats = new BioFormatsFallback();

	@Override
	public void run() {
		if (input == null) {
			cancel(NAME + ": no input file or folder given");
			return;
		}
		Path path = input.toPath();
		String uid = seriesUid == null || seriesUid.trim().isEmpty() ? null : seriesUid.trim();
		ProgressListener progress = new StatusProgress(status, NAME);
		List<String> listing = new ArrayList<>();
		CtFormat format = CtFormat.UNKNOWN;
		CtVolume volume;

		try {
			format = Files.exists(path) ? CtFormat.of(path) : CtFormat.UNKNOWN;
			if (format == CtFormat.UNKNOWN && Files.isRegularFile(path) && bioFormats.available()) {
				volume = bioFormats.open(path);
				if (log != null) log.info(NAME + ": opened " + path + " with Bio-Formats");
			} else {
				if (format == CtFormat.DICOM_FOLDER || format == CtFormat.DICOM) {
					uid = chooseSeries(path, uid, listing, progress);
					if (isCanceled()) return;
				}
				volume = CtReaders.open(path, new ReadOptions(uid, progress));
			}
		} catch (IOException | IllegalArgumentException e) {
			boolean unknownFile = format == CtFormat.UNKNOWN && Files.isRegularFile(path);
			String hint = unknownFile && !bioFormats.available()
				? " (Bio-Formats, which reads more file types, is not installed)" : "";
			cancel(NAME + ": " + e.getMessage() + hint);
			return;
		}

		StringBuilder info = new StringBuilder(NAME + "\nHU conversion: " + volume.huConversion() +
			"\n");
		volume.metadata().forEach((key, value) -> info.append(key).append(": ").append(value)
			.append('\n'));
		if (!listing.isEmpty()) info.append("Series found:\n");
		for (String line : listing) {
			info.append(line).append('\n');
		}
		for (String warning : volume.warnings()) {
			info.append("Warning: ").append(warning).append('\n');
			if (log != null) log.warn(NAME + ": " + warning);
		}
		ct = volume.image();
		ct.setProperty("Info", info.toString());
	}

	/**
	 * Lists the DICOM series of the input and returns the UID to open: the
	 * given one, the user's choice when several series are readable and a
	 * dialog can be shown, or null for the reader's default (the largest CT
	 * series). Cancels the command when the user closes the dialog.
	 *
	 * @param listing receives the lines describing each series; modified
	 */
	private String chooseSeries(Path path, String uid, List<String> listing,
		ProgressListener progress) throws IOException
	{
		List<DicomSeriesInfo> series = DicomSeriesReader.scan(path, progress);
		listing.addAll(StudyListing.lines(series));
		if (log != null && series.size() > 1) {
			log.info(NAME + ": " + series.size() + " series in " + path);
			for (String line : listing) {
				log.info(NAME + ": " + line);
			}
		}
		List<DicomSeriesInfo> readable = StudyListing.readable(series);
		if (uid != null || readable.size() < 2 || !canAsk()) return uid;
		String[] labels = new String[readable.size()];
		for (int n = 0; n < labels.length; n++) {
			labels[n] = StudyListing.label(n, readable.get(n));
		}
		GenericDialog dialog = new GenericDialog(NAME);
		dialog.addMessage(readable.size() + " series found in " + path.getFileName());
		dialog.addChoice("Series", labels, labels[0]);
		dialog.showDialog();
		if (dialog.wasCanceled()) {
			cancel(NAME + ": no series chosen");
			return null;
		}
		return readable.get(dialog.getNextChoiceIndex()).seriesInstanceUid();
	}

	/** Returns true when a dialog may be shown: a display, and no macro or batch run. */
	private static boolean canAsk() {
		return !GraphicsEnvironment.isHeadless() && Macro.getOptions() == null && !Interpreter
			.isBatchMode();
	}
}
