package org.ctheatmap.commands;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
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
 * folder or file, a NIfTI file or a TIFF stack. Unlike ImageJ's DICOM import,
 * slices are ordered by their position along the slice normal and the patient
 * geometry is kept with the image. Reader warnings go to the log and to the
 * image's Info property.
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
		description = "Empty for the largest CT series in the folder")
	private String seriesUid = "";

	@Parameter(type = ItemIO.OUTPUT, label = "CT (HU)")
	private ImagePlus ct;

	@Override
	public void run() {
		if (input == null) {
			cancel(NAME + ": no input file or folder given");
			return;
		}
		String uid = seriesUid == null || seriesUid.trim().isEmpty() ? null : seriesUid.trim();
		CtVolume volume;
		try {
			volume = CtReaders.open(input.toPath(), new ReadOptions(uid, new StatusProgress(status,
				NAME)));
		} catch (IOException | IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
			return;
		}
		StringBuilder info = new StringBuilder(NAME + "\nHU conversion: " + volume.huConversion() +
			"\n");
		volume.metadata().forEach((key, value) -> info.append(key).append(": ").append(value)
			.append('\n'));
		for (String warning : volume.warnings()) {
			info.append("Warning: ").append(warning).append('\n');
			if (log != null) log.warn(NAME + ": " + warning);
		}
		ct = volume.image();
		ct.setProperty("Info", info.toString());
	}
}
