package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.gui.Roi;

import java.util.List;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.HotspotFinder;
import org.ctheatmap.core.hotspot.HotspotMap;
import org.ctheatmap.measure.RoiMasks;
import org.junit.jupiter.api.Test;

class HotspotOutlinesTest {

	@Test
	void oneRoiPerHotspotAndSlice() {
		// Hotspot A: an L of 3 pixels on slice 1 and 1 pixel on slice 2; B: one pixel, higher.
		int w = 5;
		float[][] v = new float[3][w * 4];
		v[0][0] = 1;
		v[0][1] = 1;
		v[0][w] = 1;
		v[1][0] = 1;
		v[2][3 * w + 4] = 5;
		HotspotMap map = HotspotFinder.find(v, w, 4, PatientGeometry.axial(new double[3],
			new double[] { 1, 1, 1 }), 1, Connectivity.SIX, 0, 1, ProgressListener.NONE);
		List<Roi> rois = HotspotOutlines.trace(map, 1, false);
		assertEquals(3, rois.size(), "B on one slice, A on two");
		assertEquals("Hotspot 1", rois.get(0).getName(), "higher peak first");
		assertEquals(3, rois.get(0).getPosition(), "B is on slice 3");
		assertEquals(1, rois.get(0).getGroup(), "group of hotspot 1");
		Roi aOnSlice1 = rois.get(1);
		assertEquals("Hotspot 2", aOnSlice1.getName(), "name of A");
		assertEquals(2, aOnSlice1.getGroup(), "group of hotspot 2");
		assertEquals(1, aOnSlice1.getPosition(), "first slice of A");
		assertEquals(3, RoiMasks.pixels(aOnSlice1, w, 4).cardinality(), "the L's 3 pixels");
		assertEquals(2, rois.get(2).getPosition(), "second slice of A");

		List<Roi> hyper = HotspotOutlines.trace(map, 2, true);
		assertEquals(3, hyper.get(0).getZPosition(), "hyperstack slice");
		assertEquals(2, hyper.get(0).getTPosition(), "hyperstack frame");
	}
}
