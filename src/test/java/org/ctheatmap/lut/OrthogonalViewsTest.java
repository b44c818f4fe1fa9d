package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.lut.OrthogonalViews.View;
import org.junit.jupiter.api.Test;

/** Views of a 4 x 3 x 2 volume of 0.5 x 0.5 x 2 mm voxels, HU 10 n - 100 at stack voxel n. */
class OrthogonalViewsTest {

	private static final HeatMapSettings SETTINGS = HeatMapSettings.builder(Colormaps.get(
		Colormaps.VIRIDIS), -100, 300).opacity(0.5).build();

	private final CtVolume volume = HeatMapRendererTest.volume(4, 3, 2, 1, null);
	private final ImageStack map = volume.image().getStack();
	private final OrthogonalViews views = new OrthogonalViews(volume, map, SETTINGS, null, 1);
	private final ImageStack flat = HeatMapRenderer.flatten(volume, map, SETTINGS, "flat",
		ProgressListener.NONE).getStack();

	@Test
	void axialIsTheFlattenedSlice() {
		ColorProcessor axial = views.slice(View.AXIAL, new int[] { 0, 0, 1 });
		assertEquals(4, axial.getWidth(), "width");
		assertEquals(3, axial.getHeight(), "height");
		for (int y = 0; y < 3; y++) {
			for (int x = 0; x < 4; x++) {
				assertEquals(flat.getProcessor(2).get(x, y), axial.get(x, y), "pixel " + x + ", " +
					y);
			}
		}
	}

	@Test
	void coronalIsScaledBySpacing() {
		// 2 slices of 2 mm on 0.5 mm pixels: 8 rows, the last slice in the top 4.
		ColorProcessor coronal = views.slice(View.CORONAL, new int[] { 0, 2, 0 });
		assertEquals(4, coronal.getWidth(), "columns keep 0.5 mm");
		assertEquals(8, coronal.getHeight(), "2 x 2 mm / 0.5 mm");
		for (int x = 0; x < 4; x++) {
			assertEquals(flat.getProcessor(2).get(x, 2), coronal.get(x, 0), "top row is slice 2");
			assertEquals(flat.getProcessor(2).get(x, 2), coronal.get(x, 3), "slice 2 fills 4 rows");
			assertEquals(flat.getProcessor(1).get(x, 2), coronal.get(x, 7), "bottom is slice 1");
		}
	}

	@Test
	void sagittalShowsRowsAcross() {
		ColorProcessor sagittal = views.slice(View.SAGITTAL, new int[] { 3, 0, 0 });
		assertEquals(3, sagittal.getWidth(), "one pixel per row");
		assertEquals(8, sagittal.getHeight(), "scaled slices");
		for (int y = 0; y < 3; y++) {
			assertEquals(flat.getProcessor(1).get(3, y), sagittal.get(y, 7), "row " + y +
				" of slice 1");
		}
	}

	@Test
	void maximumAlongEachAxis() {
		// HU rise with the stack index, so the maximum along z is the last slice.
		FloatProcessor axial = views.maximumValues(View.AXIAL);
		assertEquals(map.getProcessor(2).getf(1, 1), axial.getf(1, 1), 0, "max along z");
		FloatProcessor coronal = views.maximumValues(View.CORONAL);
		assertEquals(map.getProcessor(1).getf(2, 2), coronal.getf(2, 1), 0,
			"max along y of slice 1 (bottom row) is row 2");
		ColorProcessor colour = views.maximumProjection(View.AXIAL);
		assertEquals(SETTINGS.scale().rgb(axial.getf(0, 0)), colour.get(0, 0) & 0xffffff,
			"projection colour at full opacity");
	}

	@Test
	void projectionSkipsMaskedAndTransparentValues() {
		boolean[][] mask = { new boolean[12], new boolean[12] };
		mask[0][0] = true;
		OrthogonalViews masked = new OrthogonalViews(volume, map, SETTINGS, mask, 1);
		FloatProcessor axial = masked.maximumValues(View.AXIAL);
		assertEquals(map.getProcessor(1).getf(0, 0), axial.getf(0, 0), 0, "only slice 1 counts");
		assertTrue(Float.isNaN(axial.getf(1, 0)), "no voxel inside the mask");
		assertEquals(0, masked.maximumProjection(View.AXIAL).get(1, 0) & 0xffffff,
			"black where nothing is visible");
	}

	@Test
	void rejectsVoxelOutside() {
		assertThrows(IllegalArgumentException.class, () -> views.slice(View.AXIAL, new int[] {
			0, 0, 2 }));
	}
}
