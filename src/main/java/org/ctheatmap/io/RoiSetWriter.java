package org.ctheatmap.io;

import ij.gui.Roi;
import ij.io.RoiEncoder;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes ImageJ ROIs as a ROI set ".zip" that the ROI Manager opens, with
 * ImageJ's {@link RoiEncoder}. Needs no window, so it works headless.
 * <p>
 * Entry names are the ROI names plus ".roi". Like the ROI Manager, a name
 * already used gets "-1", "-2" and so on appended to its entry name; the
 * ROI's stored name stays unchanged. A ROI without a name is written as
 * "ROI N" after its 1-based place in the list.
 */
public final class RoiSetWriter {

	private RoiSetWriter() {}

	/**
	 * Writes ROIs to a ".zip" file; the ROIs are not modified. The zip goes
	 * to a temporary file in the same folder first, which then replaces
	 * {@code file}, so readers never see a half-written set. The file gets the
	 * default permissions of a new file in that folder.
	 *
	 * @throws NoSuchFileException naming the folder, if it does not exist
	 * @throws IOException if the folder is not writable or encoding fails
	 */
	public static void write(List<Roi> rois, Path file) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(folder)) {
			throw new NoSuchFileException(folder.toString(), null, "folder not found");
		}
		// A plain new file, unlike Files.createTempFile, gets the default permissions.
		Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() +
			".tmp");
		try {
			try (OutputStream stream = Files.newOutputStream(temporary,
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(stream)))
			{
				DataOutputStream data = new DataOutputStream(zip);
				RoiEncoder encoder = new RoiEncoder(data);
				Set<String> used = new HashSet<>();
				for (int n = 0; n < rois.size(); n++) {
					zip.putNextEntry(new ZipEntry(entryName(rois.get(n), n, used)));
					encoder.write(rois.get(n));
					data.flush();
				}
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static String entryName(Roi roi, int index, Set<String> used) {
		String name = roi.getName() == null || roi.getName().trim().isEmpty() ? "ROI " +
			(index + 1) : roi.getName().trim();
		// A slash would make a folder inside the zip.
		name = name.replace('/', '_').replace('\\', '_');
		String unique = name;
		for (int copy = 1; !used.add(unique); copy++) {
			unique = name + "-" + copy;
		}
		return unique + ".roi";
	}
}
