package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same voxels as NIfTI, NRRD (attached gzip, attached raw, detached) and
 * MetaImage (local zlib, separate raw), opened through {@link CtReaders}, give
 * identical HU and the same patient geometry.
 */
class CrossFormatTest {

	/** NIfTI stores the affine as float32; the copies print those floats exactly. */
	private static final double POSITION_TOL_MM = 1e-4;
	/** The published mean is given to 4 decimals. */
	private static final double MEAN_TOL_HU = 1e-3;

	@TempDir
	Path dir;

	@Test
	void phantomMatchesDicomInEveryFormat() throws IOException {
		Path images = Paths.get("test-images");
		CtVolume dicom = CtReaders.open(images.resolve("baseline-dicom"), ReadOptions.DEFAULT);
		for (Path copy : copies(images.resolve("baseline.nii.gz"))) {
			CtVolume v = CtReaders.open(copy, ReadOptions.DEFAULT);
			assertSame(dicom, v, copy.getFileName().toString());
		}
	}

	@Test
	void totalSegmentatorSampleInEveryFormat() throws IOException {
		Path folder = CtSamples.folder("07_nifti_totalseg_example_ct_sm");
		Path nifti = folder.resolve("example_ct_sm.nii.gz");
		CtVolume reference = CtReaders.open(nifti, ReadOptions.DEFAULT);
		CtVolume labels = CtReaders.open(folder.resolve("example_seg_fast.nii.gz"),
			ReadOptions.DEFAULT);
		for (Path copy : copies(nifti)) {
			CtVolume v = CtReaders.open(copy, ReadOptions.DEFAULT);
			String name = copy.getFileName().toString();
			assertSame(reference, v, name);
			assertEquals(122, v.width(), name + " width");
			assertEquals(101, v.height(), name + " height");
			assertEquals(30, v.depth(), name + " slices");
			assertArrayEquals(new double[] { 3, 3, 3 }, v.geometry().spacing(), POSITION_TOL_MM,
				name + " spacing (mm)");
			assertEquals(-354.0953, mean(v, null, 0), MEAN_TOL_HU, name + " mean HU");
			// Published mean of the liver, label 5 of the TotalSegmentator label map.
			assertEquals(44.85855, mean(v, labels, 5), MEAN_TOL_HU, name + " liver mean HU");
		}
	}

	private Path[] copies(Path nifti) throws IOException {
		RasterCopies copies = new RasterCopies(nifti);
		return new Path[] { copies.writeNrrd(dir.resolve("gz.nrrd"), true), copies.writeNrrd(dir
			.resolve("raw.nrrd"), false), copies.writeNhdr(dir.resolve("detached.nhdr"),
				"detached.raw"), copies.writeMetaImage(dir.resolve("local.mha"), null), copies
					.writeMetaImage(dir.resolve("separate.mhd"), "separate.raw") };
	}

	private static void assertSame(CtVolume expected, CtVolume actual, String name) {
		assertEquals(expected.width(), actual.width(), name + " width");
		assertEquals(expected.height(), actual.height(), name + " height");
		assertEquals(expected.depth(), actual.depth(), name + " slices");
		PatientGeometry e = expected.geometry();
		PatientGeometry a = actual.geometry();
		assertArrayEquals(e.origin(), a.origin(), POSITION_TOL_MM, name + " origin");
		assertArrayEquals(e.spacing(), a.spacing(), POSITION_TOL_MM, name + " spacing");
		assertArrayEquals(e.rowDirection(), a.rowDirection(), POSITION_TOL_MM, name + " row");
		assertArrayEquals(e.columnDirection(), a.columnDirection(), POSITION_TOL_MM, name +
			" column");
		assertArrayEquals(e.sliceDirection(), a.sliceDirection(), POSITION_TOL_MM, name +
			" slice direction");
		for (int n = 1; n <= expected.depth(); n++) {
			assertArrayEquals((float[]) expected.image().getStack().getPixels(n), (float[]) actual
				.image().getStack().getPixels(n), name + " HU of slice " + n);
		}
	}

	/** Returns the mean HU over all voxels, or over those whose label equals {@code label}. */
	private static double mean(CtVolume v, CtVolume labels, int label) {
		double sum = 0;
		long count = 0;
		for (int n = 1; n <= v.depth(); n++) {
			float[] hu = (float[]) v.image().getStack().getPixels(n);
			float[] l = labels == null ? null : (float[]) labels.image().getStack().getPixels(n);
			for (int p = 0; p < hu.length; p++) {
				if (l != null && l[p] != label) continue;
				sum += hu[p];
				count++;
			}
		}
		return sum / count;
	}
}
