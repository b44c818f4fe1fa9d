package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.nio.file.Path;
import java.util.Collections;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayOrientationTest {

	/** Positions are sums of a few mm-sized products; rounding stays far below this. */
	private static final double POSITION_TOL_MM = 1e-9;

	private static final double[] PLUS_X = { 1, 0, 0 };
	private static final double[] PLUS_Y = { 0, 1, 0 };
	private static final double[] PLUS_Z = { 0, 0, 1 };

	@Test
	void axialVolumeUnchanged() {
		CtVolume volume = volume(PatientGeometry.axial(new double[] { 1, 2, 3 }, new double[] {
			0.5, 0.5, 2 }));
		assertSame(volume, DisplayOrientation.apply(volume), "already in display order");
	}

	@Test
	void proneVolumeFlipped() {
		// Prone scan, slices stored from head to feet.
		PatientGeometry prone = new PatientGeometry(new double[] { 10, 20, 30 }, new double[] {
			-1, 0, 0 }, new double[] { 0, -1, 0 }, new double[] { 0, 0, -1 }, new double[] { 0.5,
				0.8, 2.5 });
		CtVolume volume = volume(prone);
		CtVolume display = DisplayOrientation.apply(volume);

		assertArrayEquals(PLUS_X, display.geometry().rowDirection(), 0, "rows run to the left");
		assertArrayEquals(PLUS_Y, display.geometry().columnDirection(), 0, "columns run back");
		assertArrayEquals(PLUS_Z, display.geometry().sliceDirection(), 0, "slices run up");
		assertSamePositions(volume, display);
		assertEquals("flipped i, j, k", display.metadata().get(DisplayOrientation.METADATA_KEY),
			"reorientation recorded");
	}

	@Test
	void sagittalVolumePermuted() {
		// Sagittal slices: rows run posterior, columns run down, slices run left.
		PatientGeometry sagittal = new PatientGeometry(new double[] { -5, 0, 40 }, new double[] {
			0, 1, 0 }, new double[] { 0, 0, -1 }, new double[] { 1, 0, 0 }, new double[] { 0.7,
				0.9, 3 });
		CtVolume volume = volume(sagittal);
		CtVolume display = DisplayOrientation.apply(volume);

		assertEquals(2, display.width(), "new x axis is the stored slice axis");
		assertEquals(4, display.height(), "new y axis is the stored row axis");
		assertEquals(3, display.depth(), "new slice axis is the stored column axis");
		assertSamePositions(volume, display);
	}

	@Test
	void dicomProneSeriesOpensInDisplayOrder(@TempDir Path folder) throws Exception {
		PatientGeometry prone = new PatientGeometry(new double[] { 10, 20, 30 }, new double[] {
			-1, 0, 0 }, new double[] { 0, -1, 0 }, new double[] { 0, 0, -1 }, new double[] { 0.5,
				0.8, 2.5 });
		CtVolume written = volume(prone);
		DicomSeriesWriter.write(written, folder, DicomWriteOptions.builder().build());
		CtVolume read = CtReaders.open(folder, ReadOptions.DEFAULT);

		assertArrayEquals(PLUS_X, read.geometry().rowDirection(), 1e-9, "rows run to the left");
		assertArrayEquals(PLUS_Y, read.geometry().columnDirection(), 1e-9, "columns run back");
		assertArrayEquals(PLUS_Z, read.geometry().sliceDirection(), 1e-9, "slices run up");
		assertSamePositions(written, read);
	}

	/** A 4 x 3 x 2 volume whose voxel values are their stored linear index. */
	private static CtVolume volume(PatientGeometry geometry) {
		ImageStack stack = new ImageStack(4, 3);
		for (int k = 0; k < 2; k++) {
			float[] values = new float[12];
			for (int n = 0; n < 12; n++) {
				values[n] = k * 12 + n;
			}
			stack.addSlice(new FloatProcessor(4, 3, values));
		}
		return new CtVolume(new ImagePlus("ct", stack), geometry, "HU = stored",
			Collections.emptyMap(), Collections.emptyList());
	}

	/** Checks that every voxel keeps its value at the same patient position. */
	private static void assertSamePositions(CtVolume stored, CtVolume display) {
		for (int k = 0; k < stored.depth(); k++) {
			float[] values = (float[]) stored.image().getStack().getPixels(k + 1);
			for (int j = 0; j < stored.height(); j++) {
				for (int i = 0; i < stored.width(); i++) {
					double[] position = stored.geometry().voxelToPatient(i, j, k);
					float value = values[j * stored.width() + i];
					assertEquals(value, valueAt(display, position), 0, "value at " + i + ", " + j +
						", " + k);
				}
			}
		}
	}

	/** Returns the value of the display voxel whose centre is at a patient position. */
	private static float valueAt(CtVolume display, double[] position) {
		for (int k = 0; k < display.depth(); k++) {
			for (int j = 0; j < display.height(); j++) {
				for (int i = 0; i < display.width(); i++) {
					double[] p = display.geometry().voxelToPatient(i, j, k);
					double distance = Math.abs(p[0] - position[0]) + Math.abs(p[1] - position[1]) +
						Math.abs(p[2] - position[2]);
					if (distance < POSITION_TOL_MM * 1e6) {
						float[] values = (float[]) display.image().getStack().getPixels(k + 1);
						return values[j * display.width() + i];
					}
				}
			}
		}
		throw new AssertionError("no display voxel at " + java.util.Arrays.toString(position));
	}
}
