package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameter map computed on a DICOM-read grid and written as float32
 * NIfTI reads back on the same grid, so 3D Slicer or ITK-SNAP overlay it on
 * the source CT. The grids are a generated oblique tilted series and the real
 * tilted phantom series.
 */
class RoundTripGridTest {

	/** The NIfTI sform stores float32, about 7 digits of positions up to 1000 mm. */
	private static final double POSITION_TOL_MM = 1e-4;
	/** Directions are unit vectors stored through float32 sform columns. */
	private static final double DIRECTION_TOL = 1e-6;

	@TempDir
	Path dir;

	@Test
	void obliqueTiltedSeries() throws IOException {
		double angle = Math.toRadians(10);
		double[] row = { Math.cos(angle), Math.sin(angle), 0 };
		double[] column = { -Math.sin(angle), Math.cos(angle), 0 };
		// Tilt: successive slices shift along y as well as z.
		double[] slice = { 0, Math.sin(Math.toRadians(-15)), Math.cos(Math.toRadians(-15)) };
		PatientGeometry geometry = new PatientGeometry(new double[] { -120.25, 33.5, 712.75 },
			row, column, slice, new double[] { 0.7, 0.7, 2.5 });
		CtVolume source = volume(geometry, 24, 20, 6);
		DicomSeriesWriter.write(source, dir.resolve("dicom"), DicomWriteOptions.builder().build());
		CtVolume dicom = DicomSeriesReader.read(dir.resolve("dicom"), ReadOptions.DEFAULT);
		assertGridKept(dicom, "generated oblique series");
	}

	@Test
	void tiltedPhantomSample() throws IOException {
		Path folder = CtSamples.folder("02_dicom_philips_head_phantom_t2_tilt_subset");
		CtVolume dicom = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);
		double tilt = dicom.geometry().tiltDegrees();
		assertEquals(18.5, tilt, 0.05, "gantry tilt (degrees)");
		// The README gives the step along the slice normal to 4 decimals.
		assertEquals(2.3708, dicom.geometry().spacing()[2] * Math.cos(Math.toRadians(tilt)), 1e-4,
			"slice step along the normal (mm)");
		assertGridKept(dicom, "tilted phantom");
	}

	/**
	 * Writes a float parameter map on the volume's grid as .nii.gz, reads it
	 * back and checks grid and values.
	 */
	private void assertGridKept(CtVolume dicom, String name) throws IOException {
		CtVolume map = parameterMap(dicom);
		Path file = dir.resolve("map.nii.gz");
		NiftiWriter.write(map, file, NiftiDataType.FLOAT32);
		CtVolume back = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals("none", back.metadata().get("Reoriented"), name +
			": a grid in display order stays in display order");
		PatientGeometry expected = dicom.geometry();
		PatientGeometry actual = back.geometry();
		assertArrayEquals(expected.origin(), actual.origin(), POSITION_TOL_MM, name + " origin");
		assertArrayEquals(expected.spacing(), actual.spacing(), POSITION_TOL_MM, name +
			" spacing");
		assertArrayEquals(expected.rowDirection(), actual.rowDirection(), DIRECTION_TOL, name +
			" row direction");
		assertArrayEquals(expected.columnDirection(), actual.columnDirection(), DIRECTION_TOL,
			name + " column direction");
		assertArrayEquals(expected.sliceDirection(), actual.sliceDirection(), DIRECTION_TOL,
			name + " slice direction");
		int[] corner = { dicom.width() - 1, dicom.height() - 1, dicom.depth() - 1 };
		assertArrayEquals(expected.voxelToPatient(corner[0], corner[1], corner[2]), actual
			.voxelToPatient(corner[0], corner[1], corner[2]), POSITION_TOL_MM, name +
				" far corner voxel");
		for (int n = 1; n <= dicom.depth(); n++) {
			assertArrayEquals((float[]) map.image().getStack().getPixels(n), (float[]) back.image()
				.getStack().getPixels(n), name + " float32 values of slice " + n);
		}
	}

	/** Returns a non-integer map of the HU on the same grid, like a normalised difference. */
	private static CtVolume parameterMap(CtVolume ct) {
		ImageStack stack = new ImageStack(ct.width(), ct.height());
		for (int n = 1; n <= ct.depth(); n++) {
			float[] hu = (float[]) ct.image().getStack().getPixels(n);
			float[] map = new float[hu.length];
			for (int p = 0; p < hu.length; p++) {
				map[p] = hu[p] / 7f + 0.125f;
			}
			stack.addSlice(null, new FloatProcessor(ct.width(), ct.height(), map));
		}
		return new CtVolume(new ImagePlus("map", stack), ct.geometry(), "parameter map",
			Collections.emptyMap(), Collections.emptyList());
	}

	private static CtVolume volume(PatientGeometry geometry, int width, int height, int depth) {
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < depth; z++) {
			float[] pixels = new float[width * height];
			for (int p = 0; p < pixels.length; p++) {
				pixels[p] = -1000 + (p * 13 + z * 101) % 2000;
			}
			stack.addSlice(null, new FloatProcessor(width, height, pixels));
		}
		return new CtVolume(new ImagePlus("ct", stack), geometry, "HU", Collections.emptyMap(),
			Collections.emptyList());
	}
}
