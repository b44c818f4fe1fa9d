package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code macros/lesion-hotspots.ijm} in real ImageJ 1.54p: Parameter
 * Map, Heat Map Overlay with a value map and Find Hotspots through the macro
 * bridge, on the baseline phantom.
 */
class MapMacroIT {

	/** Lesion voxels of the baseline phantom, from test-images/ground-truth.json. */
	private static final int LESION_VOXELS = 1341;

	/** Edge voxels fall either side of 50 % by noise; the map found 3 too few in tests. */
	private static final double LESION_REL_TOL = 0.02;

	@TempDir
	Path work;

	@Test
	void lesionHotspotMacro() throws Exception {
		Path input = ImageJRunner.projectDir().resolve("test-images/baseline-dicom");
		Path out = work.resolve("out");
		String log = new ImageJRunner(work).run(ImageJRunner.macro("lesion-hotspots.ijm"),
			"input=[" + input + "] output=[" + out + "]");
		assertFalse(log.contains("Macro Error"), "macro error:\n" + log);
		assertFalse(log.contains("Exception"), "exception:\n" + log);
		assertFalse(log.contains(" failed:"), "command failed:\n" + log);
		assertTrue(log.contains("Hotspots: 1"), "the lesion alone:\n" + log);

		Matcher voxels = Pattern.compile("Hotspot 1: (\\d+) voxels").matcher(log);
		assertTrue(voxels.find(), "voxel count printed:\n" + log);
		assertEquals(LESION_VOXELS, Integer.parseInt(voxels.group(1)), LESION_REL_TOL *
			LESION_VOXELS, "lesion voxels");
		Matcher rois = Pattern.compile("ROIs: (\\d+)").matcher(log);
		assertTrue(rois.find(), "ROI count printed:\n" + log);
		assertTrue(Integer.parseInt(rois.group(1)) >= 5, "one ROI per lesion slice:\n" + log);

		ImagePlus rgb = new Opener().openImage(out.resolve("lesion-rgb.tif").toString());
		assertNotNull(rgb, "flattened stack saved");
		assertEquals(48, rgb.getStackSize(), "one RGB slice per CT slice");
		assertTrue(rgb.getWidth() > 128, "colour bar burnt in beside the 128-pixel slices");
	}
}
