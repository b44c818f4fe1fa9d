package org.ctheatmap.compare;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.HashMap;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * A generated contrast series of 8 frames, 2 s apart, on 32 x 32 x 4 voxels
 * with three regions of known time-intensity curves (HU per frame).
 */
public final class DynamicPhantom {

	public static final int SIZE = 32;
	static final int DEPTH = 4;
	public static final double INTERVAL_S = 2;

	/** Columns 0-15: linear rise by 25 HU/s to frame 4, then a plateau. */
	static final double[] RISE = { 40, 90, 140, 190, 240, 240, 240, 240 };

	/** Columns 16-31, rows 0-15: bolus peaking at frame 3 (6 s), then wash-out. */
	static final double[] BOLUS = { 100, 100, 300, 500, 400, 300, 200, 150 };

	/** Columns 16-31, rows 16-31: air, no enhancement. */
	static final double[] FLAT = { -1000, -1000, -1000, -1000, -1000, -1000, -1000, -1000 };

	private DynamicPhantom() {}

	public static CtVolume generate() {
		ImageStack stack = new ImageStack(SIZE, SIZE);
		for (int f = 0; f < RISE.length; f++) {
			for (int k = 0; k < DEPTH; k++) {
				float[] pixels = new float[SIZE * SIZE];
				for (int j = 0; j < SIZE; j++) {
					for (int i = 0; i < SIZE; i++) {
						pixels[j * SIZE + i] = (float) curve(i, j)[f];
					}
				}
				stack.addSlice("", new FloatProcessor(SIZE, SIZE, pixels));
			}
		}
		ImagePlus image = new ImagePlus("dynamic", stack);
		image.setDimensions(1, DEPTH, RISE.length);
		image.setOpenAsHyperStack(true);
		image.getCalibration().frameInterval = INTERVAL_S;
		image.getCalibration().setTimeUnit("s");
		PatientGeometry geometry = PatientGeometry.axial(new double[] { -10, -10, 0 },
			new double[] { 0.7, 0.7, 3 });
		return new CtVolume(image, geometry, "generated HU", new HashMap<>(), new ArrayList<>());
	}

	/** Returns the curve of the region that contains voxel column i, row j. */
	static double[] curve(int i, int j) {
		if (i < SIZE / 2) return RISE;
		return j < SIZE / 2 ? BOLUS : FLAT;
	}
}
