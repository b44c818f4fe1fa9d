package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.batch.BatchInputs;
import org.ctheatmap.batch.BatchJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code macros/batch-folder.ijm} in real ImageJ 1.54p and checks what it writes. */
class BatchMacroIT {

	@TempDir
	Path work;

	@Test
	void batchMacroOnTwoStudies() throws Exception {
		Path in = work.resolve("in");
		BatchInputs.copyFolder(BatchInputs.DICOM.toAbsolutePath(), in.resolve("p01"));
		Files.copy(BatchInputs.NIFTI, in.resolve("p02.nii.gz"));
		Path out = work.resolve("out");
		String log = new ImageJRunner(work).run(ImageJRunner.macro("batch-folder.ijm"),
			"input=" + in + " output=" + out);
		assertFalse(log.contains("Macro Error"), "macro error:\n" + log);
		assertFalse(log.contains("Exception"), "exception:\n" + log);
		assertFalse(log.contains(" failed:"), "command failed:\n" + log);
		assertTrue(log.contains("Batch summary (2 studies):"), "summary printed:\n" + log);

		List<List<String>> rows = BatchInputs.readCsv(out.resolve(BatchJob.SUMMARY_NAME));
		assertEquals(3, rows.size(), "header and two studies");
		assertEquals("p01", rows.get(1).get(0), "first study");
		assertEquals("ok", rows.get(1).get(2), "status of p01");
		assertEquals("ok", rows.get(2).get(2), "status of p02");
		ImagePlus rgb = new Opener().openImage(out.resolve("p02/heatmap.tif").toString());
		assertNotNull(rgb, "heat map of p02 saved");
		assertEquals(BatchInputs.SLICES, rgb.getStackSize(), "one RGB slice per CT slice");
		assertTrue(Files.size(out.resolve("p01/heatmap.json")) > 0, "sidecar of p01");
	}
}
