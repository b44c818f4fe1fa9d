package org.ctheatmap.core.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;

import ij.ImageStack;

import java.io.IOException;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.maps.MapSettings;
import org.ctheatmap.core.maps.MapType;
import org.ctheatmap.core.maps.ParameterMaps;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finds the phantom's lesion (60 HU in 100 HU liver, noise SD 5 HU) in the
 * noisy CT. The map is the percentage of voxels from 45 to 80 HU in a box of
 * radius 0.8 mm (3 x 3 x 1 voxels). Thresholded at 50 %, it gives one
 * hotspot of about the lesion's volume.
 */
class PhantomHotspotTest {

	/**
	 * Relative volume error allowed. The box averages across the lesion edge,
	 * so edge voxels fall on either side of 50 % by noise: the measured
	 * volumes are 2140.8 and 5633.6 mm³, 3 and 8 voxels short. 2 % leaves room
	 * for that noise and still fails on a lost or doubled edge layer (about 20 %).
	 */
	private static final double VOLUME_REL_TOL = 0.02;

	/** Centroid error allowed: a fraction of the 0.8 mm in-plane voxel. */
	private static final double CENTROID_TOL_MM = 0.5;

	@ParameterizedTest
	@CsvSource({ "0, baseline", "1, followup-growth" })
	void lesionVolumeFromNoisyCt(int index, String name) throws IOException {
		PhantomTimePoint timePoint = PhantomTimePoint.standardSeries().get(index);
		assertEquals(name, timePoint.name(), "time point order");
		JsonObject lesion = HotspotFinderTest.groundTruthLesion(index);
		CtVolume ct = PhantomGenerator.generate(timePoint);
		MapSettings settings = MapSettings.of(MapType.RANGE_FRACTION, 0.8).withRange(45, 80);
		ImageStack map = ParameterMaps.compute(ct, settings, null, ProgressListener.NONE);

		HotspotMap found = HotspotFinder.find(FloatVolume.wrap(map).slices(), ct.width(), ct
			.height(), ct.geometry(), 50, Connectivity.SIX, 100, 1, ProgressListener.NONE);
		List<Hotspot> hotspots = found.hotspots();
		assertEquals(1, hotspots.size(), name + ": one hotspot of 100 mm³ or more");
		double expected = lesion.get("voxelVolumeMm3").getAsDouble();
		assertEquals(expected, hotspots.get(0).volumeMm3(), VOLUME_REL_TOL * expected, name +
			": lesion volume (mm³)");
		for (int a = 0; a < 3; a++) {
			double centre = lesion.getAsJsonArray("centreMm").get(a).getAsDouble();
			assertEquals(centre, hotspots.get(0).centroidMm()[a], CENTROID_TOL_MM, name +
				": centroid axis " + a);
		}
	}
}
