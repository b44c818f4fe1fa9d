package org.ctheatmap.commands;

import ij.IJ;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.lut.LutInstaller;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Writes the suite's colour tables as ImageJ {@code .lut} files (see
 * {@link LutInstaller}), by default into Fiji's {@code luts/} folder, where
 * Image > Lookup Tables lists them after a restart or "Refresh Menus".
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Install Colour Tables")
public class InstallLutsCommand extends ContextCommand {

	/** Name used in cancel reasons. */
	static final String NAME = "Install Colour Tables";

	@Parameter(required = false)
	private LogService log;

	@Parameter(label = "Folder", required = false, persist = false,
		style = FileWidget.DIRECTORY_STYLE, description = "Empty: Fiji's luts folder")
	private File folder;

	@Parameter(label = "Replace existing files", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Files written")
	private int filesWritten;

	@Override
	public void run() {
		Path target = target();
		if (target == null) {
			cancel(NAME + ": Fiji's luts folder is unknown here; give a folder.");
			return;
		}
		try {
			List<Path> written = LutInstaller.install(target, overwrite);
			filesWritten = written.size();
			if (log != null) log.info(NAME + ": wrote " + filesWritten + " files to " + target);
		} catch (IOException e) {
			cancel(NAME + ": could not write to " + target + ": " + e.getMessage());
		}
	}

	private Path target() {
		if (folder != null && !folder.getPath().trim().isEmpty()) return folder.toPath();
		String luts = IJ.getDirectory("luts");
		return luts == null ? null : new File(luts).toPath();
	}
}
