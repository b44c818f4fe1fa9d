package org.ctheatmap.lut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every shipped colour table as an ImageJ {@code .lut} file, so that
 * Fiji lists them under Image > Lookup Tables once they are in its
 * {@code luts/} folder.
 * <p>
 * Files are named {@value #PREFIX}NAME.lut, e.g. "ct-heatmap-viridis.lut",
 * so they neither replace ImageJ's own tables nor Fiji's matplotlib tables
 * of other names.
 */
public final class LutInstaller {

	/** Prefix of every file name. */
	public static final String PREFIX = "ct-heatmap-";

	private LutInstaller() {}

	/** Returns the file name of a table, e.g. "ct-heatmap-viridis.lut". */
	public static String fileName(String colormap) {
		return PREFIX + Colormaps.get(colormap).name() + ".lut";
	}

	/**
	 * Writes one file per table of {@link Colormaps#names()} into a folder,
	 * creating the folder if needed.
	 *
	 * @param overwrite whether existing files of the same names are replaced;
	 *          when false they are left as they are and skipped
	 * @return the files written, in table order
	 * @throws IOException if the folder cannot be created or a file cannot be
	 *           written
	 */
	public static List<Path> install(Path folder, boolean overwrite) throws IOException {
		Files.createDirectories(folder);
		List<Path> written = new ArrayList<>();
		for (String name : Colormaps.names()) {
			Path file = folder.resolve(fileName(name));
			if (Files.exists(file) && !overwrite) continue;
			Colormaps.get(name).writeLut(file);
			written.add(file);
		}
		return written;
	}
}
