package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.junit.jupiter.api.Test;

class ResamplerTest {

	/**
	 * Float rounding of values up to about 1000: trilinear interpolation
	 * reproduces a linear function exactly in real arithmetic.
	 */
	private static final double FLOAT_ROUNDING = 1e-3;

	private static final PatientGeometry TILTED = TestVolumes.tilted(new double[] { -20, -15,
		-30 }, new double[] { 0.9, 1.1, 2.5 }, -18.5);

	/** Size of the tilted source volume: columns, rows, slices. */
	private static final int[] SIZES = { 30, 25, 20 };

	private static final PatientGeometry AXIAL = PatientGeometry.axial(new double[] { -25,
		-20, -32 }, new double[] { 1.25, 1.5, 2 });

	@Test
	void identityKeepsValues() {
		PatientVolume source = TestVolumes.linearVolume(TILTED, 30, 25, 20);
		PatientVolume out = Resampler.onto(source, source, Interpolation.LINEAR,
			ProgressListener.NONE);
		for (int k = 0; k < 20; k++) {
			for (int index = 0; index < 30 * 25; index++) {
				assertEquals(source.values().slices()[k][index], out.values().slices()[k][index], 0,
					"slice " + k + " voxel " + index);
			}
		}
	}

	@Test
	void tiltedOntoAxialIsLinearInside() {
		PatientVolume source = TestVolumes.linearVolume(TILTED, 30, 25, 20);
		PatientVolume target = TestVolumes.grid(AXIAL, 40, 36, 30);
		PatientVolume out = Resampler.onto(source, target, Interpolation.LINEAR,
			ProgressListener.NONE);
		GridAffine sourceAffine = new GridAffine(TILTED);
		int inside = 0;
		int outside = 0;
		for (int k = 0; k < 30; k++) {
			for (int j = 0; j < 36; j++) {
				for (int i = 0; i < 40; i++) {
					double[] p = AXIAL.voxelToPatient(i, j, k);
					double[] u = sourceAffine.toVoxel(p);
					float value = out.values().get(i, j, k);
					if (within(u[0], 30) && within(u[1], 25) && within(u[2], 20)) {
						inside++;
						double expected = TestVolumes.linear(clampedPoint(u, SIZES));
						assertEquals(expected, value, FLOAT_ROUNDING, "voxel " + i + "," + j + "," +
							k);
					} else if (outOfExtent(u, SIZES)) {
						outside++;
						assertTrue(Float.isNaN(value), "NaN outside at " + i + "," + j + "," + k);
					}
				}
			}
		}
		assertTrue(inside > 5000, "many voxels inside the tilted source: " + inside);
		assertTrue(outside > 5000, "many voxels outside: " + outside);
	}

	@Test
	void translationShiftsByOneVoxel() {
		PatientGeometry geometry = PatientGeometry.axial(new double[] { 0, 0, 0 }, new double[] {
			2, 2, 3 });
		PatientVolume source = TestVolumes.linearVolume(geometry, 10, 10, 6);
		RigidTransform shift = RigidTransform.of(new double[3], new double[] { 2, 0, 3 },
			new double[3]);
		PatientVolume out = Resampler.onto(source, source, shift, Interpolation.LINEAR, false,
			ProgressListener.NONE);
		assertEquals(source.values().get(4, 5, 3), out.values().get(3, 5, 2), 0,
			"voxel (3, 5, 2) reads source voxel (4, 5, 3)");
		assertTrue(Float.isNaN(out.values().get(9, 5, 2)), "last column maps beyond the source");
		assertTrue(Float.isNaN(out.values().get(3, 5, 5)), "last slice maps beyond the source");
	}

	@Test
	void nearestKeepsLabels() {
		PatientGeometry coarse = PatientGeometry.axial(new double[] { 0, 0, 0 }, new double[] {
			2, 2, 2 });
		FloatVolume labels = FloatVolume.allocate(4, 4, 4);
		for (int k = 0; k < 4; k++) {
			for (int index = 0; index < 16; index++) {
				labels.slices()[k][index] = (index + k) % 3;
			}
		}
		PatientGeometry fine = PatientGeometry.axial(new double[] { -0.4, -0.4, -0.4 },
			new double[] { 0.7, 0.7, 0.7 });
		PatientVolume out = Resampler.onto(new PatientVolume(labels, coarse), TestVolumes.grid(
			fine, 10, 10, 10), Interpolation.NEAREST, ProgressListener.NONE);
		for (int k = 0; k < 10; k++) {
			for (int j = 0; j < 10; j++) {
				for (int i = 0; i < 10; i++) {
					double[] p = fine.voxelToPatient(i, j, k);
					int si = (int) Math.floor(p[0] / 2 + 0.5);
					int sj = (int) Math.floor(p[1] / 2 + 0.5);
					int sk = (int) Math.floor(p[2] / 2 + 0.5);
					float value = out.values().get(i, j, k);
					assertEquals(labels.get(si, sj, sk), value, 0, "label at " + i + "," + j + "," +
						k);
				}
			}
		}
	}

	@Test
	void planarIgnoresSlicePosition() {
		PatientGeometry low = PatientGeometry.axial(new double[] { 0, 0, -100 }, new double[] { 1,
			1, 5 });
		PatientGeometry high = PatientGeometry.axial(new double[] { 0.5, 0, 40 }, new double[] {
			1, 1, 5 });
		PatientVolume source = TestVolumes.linearVolume(low, 8, 8, 1);
		PatientVolume grid = TestVolumes.grid(high, 8, 8, 1);
		PatientVolume flat = Resampler.onto(source, grid, RigidTransform.identity(),
			Interpolation.LINEAR, true, ProgressListener.NONE);
		assertEquals(source.values().get(2, 3, 0) + 0.5 * (source.values().get(3, 3, 0) - source
			.values().get(2, 3, 0)), flat.values().get(2, 3, 0), FLOAT_ROUNDING,
			"half a column to the right, 140 mm apart along z");
		PatientVolume spatial = Resampler.onto(source, grid, Interpolation.LINEAR,
			ProgressListener.NONE);
		assertTrue(Float.isNaN(spatial.values().get(2, 3, 0)), "no overlap in 3-D");
	}

	@Test
	void planarRejectsStacks() {
		PatientVolume stack = TestVolumes.linearVolume(AXIAL, 4, 4, 3);
		assertThrows(IllegalArgumentException.class, () -> Resampler.onto(stack, stack,
			RigidTransform.identity(), Interpolation.LINEAR, true, ProgressListener.NONE),
			"planar needs one slice");
	}

	@Test
	void reportsEverySlice() {
		PatientVolume source = TestVolumes.linearVolume(AXIAL, 4, 4, 5);
		int[] last = new int[2];
		Resampler.onto(source, source, Interpolation.LINEAR, (step, done, total) -> {
			last[0] = Math.max(last[0], done);
			last[1] = total;
		});
		assertEquals(5, last[0], "last report");
		assertEquals(5, last[1], "total");
		assertFalse(Resampler.STEP.isEmpty(), "step name");
	}

	private static boolean within(double index, int size) {
		return index >= -0.5 && index <= size - 0.5;
	}

	/** Returns whether an index is clearly outside, beyond the rounding tolerance. */
	private static boolean outOfExtent(double[] u, int[] sizes) {
		for (int a = 0; a < 3; a++) {
			if (u[a] < -0.5 - 1e-3 || u[a] > sizes[a] - 0.5 + 1e-3) return true;
		}
		return false;
	}

	/** Returns the patient point of the index clamped to the outermost voxel centres. */
	private static double[] clampedPoint(double[] u, int[] sizes) {
		double[] c = new double[3];
		for (int a = 0; a < 3; a++) {
			c[a] = Math.max(0, Math.min(sizes[a] - 1, u[a]));
		}
		return TILTED.voxelToPatient(c[0], c[1], c[2]);
	}
}
