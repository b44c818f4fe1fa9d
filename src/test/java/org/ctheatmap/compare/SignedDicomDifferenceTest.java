package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a baseline as unsigned 12-bit DICOM (intercept -1024) and a follow-up
 * as signed 16-bit DICOM (intercept 0) on a different grid, reads both back,
 * resamples and subtracts: the change must be exactly +50 and -50 HU.
 */
class SignedDicomDifferenceTest {

	private static final int SIZE = 12;

	private static final PatientGeometry BASELINE_GRID = PatientGeometry.axial(new double[] {
		0, 0, 0 }, new double[] { 1, 1, 2 });

	/** Half the baseline pixel size, same slices: each baseline centre is a voxel centre. */
	private static final PatientGeometry FOLLOW_UP_GRID = PatientGeometry.axial(new double[] {
		0, 0, 0 }, new double[] { 0.5, 0.5, 2 });

	@TempDir
	Path folder;

	@Test
	void changeKeepsSignAcrossEncodings() throws IOException {
		CtVolume baseline = volume(BASELINE_GRID, SIZE, 1, 40, 40);
		CtVolume followUp = volume(FOLLOW_UP_GRID, 2 * SIZE, 2, 90, -10);
		Path baselineFolder = folder.resolve("baseline");
		Path followUpFolder = folder.resolve("follow-up");
		DicomSeriesWriter.write(baseline, baselineFolder, DicomWriteOptions.builder().signed(
			false).bits(16, 12).rescale(1, -1024).build());
		DicomSeriesWriter.write(followUp, followUpFolder, DicomWriteOptions.builder().signed(true)
			.bits(16, 16).rescale(1, 0).build());

		PatientVolume before = PatientVolume.of(CtReaders.open(baselineFolder,
			ReadOptions.DEFAULT), 1);
		PatientVolume after = Resampler.onto(PatientVolume.of(CtReaders.open(followUpFolder,
			ReadOptions.DEFAULT), 1), before, Interpolation.LINEAR, ProgressListener.NONE);
		DifferenceMaps maps = DifferenceMaps.compute(before, after, null,
			DifferenceSettings.DEFAULT, ProgressListener.NONE);

		assertEquals(40, before.values().get(2, 5, 1), 0, "baseline HU read from unsigned");
		assertEquals(50, maps.absolute().values().get(2, 5, 1), 0, "gain in the left half");
		assertEquals(-50, maps.absolute().values().get(9, 5, 1), 0, "loss in the right half");
		assertEquals(125, maps.relative().values().get(2, 5, 1), 1e-4, "+125 % of 40 HU");
		assertEquals(-125, maps.relative().values().get(9, 5, 1), 1e-4, "-125 % of 40 HU");
	}

	/**
	 * Returns a 3-slice volume whose columns left of the middle hold {@code left}
	 * HU and the others {@code right} HU; {@code scale} voxels per baseline voxel.
	 */
	private static CtVolume volume(PatientGeometry geometry, int size, int scale, float left,
		float right)
	{
		ImageStack stack = new ImageStack(size, size);
		for (int k = 0; k < 3; k++) {
			float[] pixels = new float[size * size];
			for (int j = 0; j < size; j++) {
				for (int i = 0; i < size; i++) {
					pixels[j * size + i] = i < SIZE / 2 * scale ? left : right;
				}
			}
			stack.addSlice("", new FloatProcessor(size, size, pixels));
		}
		return new CtVolume(new ImagePlus("v", stack), geometry, "HU", new HashMap<>(),
			new ArrayList<>());
	}
}
