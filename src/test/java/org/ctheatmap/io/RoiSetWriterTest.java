package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the file that {@link RoiSetWriter} leaves behind. */
class RoiSetWriterTest {

	@Test
	void roiSetGetsDefaultPermissions(@TempDir Path folder) throws IOException {
		assumeTrue(Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null,
			"POSIX permissions are not supported here");
		Path plain = Files.write(folder.resolve("plain.txt"), new byte[] { 'x' });
		Path zip = folder.resolve("rois.zip");

		RoiSetWriter.write(Collections.singletonList(new Roi(1, 2, 3, 4)), zip);

		// Files.createTempFile would give 0600, which hides the set from other users.
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(zip),
			"same permissions as a plain new file in the folder");
		List<Roi> read = RoiSetReader.read(zip);
		assertEquals(1, read.size(), "one ROI read back");
	}

	@Test
	void missingFolderIsNamed(@TempDir Path folder) {
		Path missing = folder.resolve("missing");
		NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RoiSetWriter
			.write(Collections.singletonList(new Roi(1, 2, 3, 4)), missing.resolve("rois.zip")));

		assertEquals(missing.toString() + ": folder not found", e.getMessage(), "message");
		assertTrue(Files.notExists(missing), "folder not created");
	}
}
