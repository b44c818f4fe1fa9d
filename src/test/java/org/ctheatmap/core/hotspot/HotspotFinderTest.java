package org.ctheatmap.core.hotspot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.junit.jupiter.api.Test;

class HotspotFinderTest {

	/** Sums of up to a few thousand mm³ in double; far below a voxel of 1.6 mm³. */
	private static final double VOLUME_TOL_MM3 = 1e-6;

	/** Centroids are means of integer indices; double rounding only. */
	private static final double POSITION_TOL_MM = 1e-9;

	/**
	 * The phantom's sphere passes exactly through some voxel centres, which
	 * rounding of the mm positions puts inside on one side and outside on the
	 * other, so the voxelised lesion is slightly asymmetric (0.016 mm in x).
	 */
	private static final double DISCRETISATION_TOL_MM = 0.05;

	private static final PatientGeometry UNIT = PatientGeometry.axial(new double[] { 10, 20,
		30 }, new double[] { 0.5, 0.5, 2 });

	@Test
	void connectivityDecidesJoins() {
		// Voxel (1, 1, 1) joins (2, 1, 1) by a face, (2, 2, 1) by an edge, (2, 2, 2) by a corner.
		float[][] faces = volume(4, 4, 4, new int[][] { { 1, 1, 1 }, { 2, 1, 1 } });
		float[][] edge = volume(4, 4, 4, new int[][] { { 1, 1, 1 }, { 2, 2, 1 } });
		float[][] corner = volume(4, 4, 4, new int[][] { { 1, 1, 1 }, { 2, 2, 2 } });
		assertEquals(1, count(faces, Connectivity.SIX), "face joins with 6");
		assertEquals(2, count(edge, Connectivity.SIX), "edge splits with 6");
		assertEquals(1, count(edge, Connectivity.EIGHTEEN), "edge joins with 18");
		assertEquals(2, count(corner, Connectivity.EIGHTEEN), "corner splits with 18");
		assertEquals(1, count(corner, Connectivity.TWENTY_SIX), "corner joins with 26");
	}

	@Test
	void statisticsOfTwoRegions() {
		float[][] v = volume(6, 5, 3, new int[][] { { 0, 0, 0 }, { 1, 0, 0 }, { 4, 3, 2 } });
		v[0][1] = 7; // voxel (1, 0, 0) is the peak of the first region
		v[2][3 * 6 + 4] = 9; // the single voxel (4, 3, 2) has the higher peak
		HotspotMap map = HotspotFinder.find(v, 6, 5, UNIT, 1, Connectivity.SIX, 0, 1,
			ProgressListener.NONE);
		List<Hotspot> hotspots = map.hotspots();
		assertEquals(2, hotspots.size(), "two regions");
		Hotspot first = hotspots.get(0);
		Hotspot second = hotspots.get(1);
		assertEquals(9, first.peak(), 0, "hotspot 1 has the highest peak");
		assertEquals(1, first.voxelCount(), "hotspot 1 voxels");
		assertArrayEquals(new int[] { 4, 3, 2 }, first.peakVoxel(), "hotspot 1 peak voxel");
		assertArrayEquals(new double[] { 12, 21.5, 34 }, first.peakMm(), POSITION_TOL_MM,
			"peak in mm: origin + index x spacing");
		assertEquals(2, second.voxelCount(), "hotspot 2 voxels");
		assertEquals(1.0, second.volumeMm3(), VOLUME_TOL_MM3, "2 voxels of 0.5 mm³");
		assertEquals(4, second.mean(), 0, "mean of 1 and 7");
		assertArrayEquals(new double[] { 0.5, 0, 0 }, second.centroidVoxel(), POSITION_TOL_MM,
			"centroid between the two voxels");
		assertArrayEquals(new double[] { 10.25, 20, 30 }, second.centroidMm(), POSITION_TOL_MM,
			"centroid in mm");
		assertEquals(2, map.labels()[0][1], "label of hotspot 2's voxel");
		assertEquals(1, map.labels()[2][3 * 6 + 4], "label of hotspot 1's voxel");
		assertEquals(0, map.labels()[1][0], "background label");
	}

	@Test
	void minimumVolumeDropsSmallRegions() {
		float[][] v = volume(6, 5, 3, new int[][] { { 0, 0, 0 }, { 1, 0, 0 }, { 4, 3, 2 } });
		HotspotMap map = HotspotFinder.find(v, 6, 5, UNIT, 1, Connectivity.SIX, 0.75, 1,
			ProgressListener.NONE);
		assertEquals(1, map.hotspots().size(), "the 0.5 mm³ voxel is below 0.75 mm³");
		assertEquals(2, map.hotspots().get(0).voxelCount(), "the 1 mm³ region stays");
		assertEquals(0, map.labels()[2][3 * 6 + 4], "dropped voxel has label 0");
	}

	@Test
	void thresholdIsInclusiveAndSkipsNaN() {
		float[][] v = { { 5, Float.NaN, 4.999f } };
		HotspotMap map = HotspotFinder.find(v, 3, 1, UNIT, 5, Connectivity.TWENTY_SIX, 0, 1,
			ProgressListener.NONE);
		assertEquals(1, map.hotspots().size(), "only the voxel at 5");
		assertEquals(1, map.hotspots().get(0).voxelCount(), "NaN and 4.999 are outside");
	}

	@Test
	void phantomLesionFromLabels() throws IOException {
		JsonObject lesion = groundTruthLesion(0);
		float[][] map = lesionIndicator(PhantomTimePoint.BASELINE);
		HotspotMap result = HotspotFinder.find(map, PhantomGenerator.WIDTH,
			PhantomGenerator.HEIGHT, PhantomGenerator.geometry(), 0.5, Connectivity.SIX, 0, 1,
			ProgressListener.NONE);
		assertEquals(1, result.hotspots().size(), "one lesion");
		Hotspot hotspot = result.hotspots().get(0);
		assertEquals(lesion.get("voxelCount").getAsLong(), hotspot.voxelCount(),
			"voxel count from ground-truth.json");
		assertEquals(lesion.get("voxelVolumeMm3").getAsDouble(), hotspot.volumeMm3(),
			VOLUME_TOL_MM3, "volume from ground-truth.json");
		double[] centre = new double[3];
		for (int a = 0; a < 3; a++) {
			centre[a] = lesion.getAsJsonArray("centreMm").get(a).getAsDouble();
		}
		assertArrayEquals(centre, hotspot.centroidMm(), DISCRETISATION_TOL_MM,
			"centroid of the voxelised sphere");
	}

	/** Returns 1 in lesion voxels and 0 elsewhere, noise-free. */
	private static float[][] lesionIndicator(PhantomTimePoint timePoint) {
		byte[][] labels = PhantomGenerator.labels(timePoint);
		float[][] map = new float[labels.length][labels[0].length];
		for (int k = 0; k < labels.length; k++) {
			for (int i = 0; i < labels[k].length; i++) {
				map[k][i] = labels[k][i] == PhantomTissue.LESION.ordinal() ? 1 : 0;
			}
		}
		return map;
	}

	@Test
	void rejectsNaNThreshold() {
		assertThrows(IllegalArgumentException.class, () -> HotspotFinder.find(new float[][] {
			{ 1 } }, 1, 1, UNIT, Double.NaN, Connectivity.SIX, 0, 1, ProgressListener.NONE));
	}

	@Test
	void connectivityLabels() {
		assertEquals(6, Connectivity.SIX.offsets().length, "6 face neighbours");
		assertEquals(18, Connectivity.EIGHTEEN.offsets().length, "18 neighbours");
		assertEquals(26, Connectivity.TWENTY_SIX.offsets().length, "26 neighbours");
		assertEquals(Connectivity.EIGHTEEN, Connectivity.fromLabel("18"), "label 18");
		assertThrows(IllegalArgumentException.class, () -> Connectivity.fromLabel("8"));
	}

	/** Returns the lesion entry of time point {@code index} in test-images/ground-truth.json. */
	static JsonObject groundTruthLesion(int index) throws IOException {
		Path file = Paths.get("test-images", "ground-truth.json");
		JsonObject root = JsonParser.parseString(new String(Files.readAllBytes(file),
			StandardCharsets.UTF_8)).getAsJsonObject();
		return root.getAsJsonArray("timePoints").get(index).getAsJsonObject().getAsJsonObject(
			"lesion");
	}

	private static int count(float[][] v, Connectivity connectivity) {
		return HotspotFinder.find(v, 4, 4, UNIT, 1, connectivity, 0, 1, ProgressListener.NONE)
			.hotspots().size();
	}

	/** Returns a volume of zeros with 1 at the given (i, j, k) voxels. */
	private static float[][] volume(int width, int height, int depth, int[][] ones) {
		float[][] v = new float[depth][width * height];
		for (int[] p : ones) {
			v[p[2]][p[1] * width + p[0]] = 1;
		}
		return v;
	}
}
