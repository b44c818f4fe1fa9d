package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Philips head phantom scanned twice in one frame of reference: 5 mm
 * axial slices, then 2.5 mm slices with -18.5 degrees gantry tilt and other
 * pixel spacing. Resampled onto the first grid, the second scan should match
 * the first inside the phantom.
 */
class PhantomPairSampleTest {

	/** Bound on the mean and median change in HU; measured 0.1 HU overall, -1.2 HU uniform. */
	private static final double MEAN_TOL_HU = 3;

	/** Bound on the SD away from edges in HU; measured 4.9 HU, mostly CT noise of both scans. */
	private static final double UNIFORM_SD_HU = 10;

	private static PatientVolume baseline;
	private static PatientVolume aligned;
	private static boolean[][] body;
	private static DifferenceMaps maps;

	@BeforeAll
	static void align() throws IOException {
		CtVolume first = CtReaders.open(CtSamples.folder("01_dicom_philips_head_phantom_t1_5mm"),
			ReadOptions.DEFAULT);
		CtVolume second = CtReaders.open(CtSamples.folder(
			"02_dicom_philips_head_phantom_t2_tilt_subset"), ReadOptions.DEFAULT);
		baseline = PatientVolume.of(first, 1);
		aligned = Resampler.onto(PatientVolume.of(second, 1), baseline, Interpolation.LINEAR,
			ProgressListener.NONE);
		body = BodyMask.compute(first, 1, ProgressListener.NONE);
		maps = DifferenceMaps.compute(baseline, aligned, body, DifferenceSettings.DEFAULT,
			ProgressListener.NONE);
	}

	/**
	 * Partial volume: the 5 mm baseline slices average over twice the
	 * thickness of the tilted 2.5 mm slices. At bone and insert edges the
	 * signed difference therefore reaches hundreds of HU (SD about 130 HU over
	 * the overlap), while its mean stays near zero.
	 */
	/** Releases the volumes, because every test class shares the fork's 512 MB heap. */
	@AfterAll
	static void release() {
		baseline = null;
		aligned = null;
		body = null;
		maps = null;
	}

	@Test
	void meanChangeNearZero() {
		DifferenceSummary summary = DifferenceSummary.of(maps.absolute(), baseline, body);
		System.out.println("01 vs 02 resampled: " + summary.describe("HU"));
		assertTrue(summary.all().count() > 500_000, "overlap voxels in the phantom: " + summary
			.all().count());
		assertEquals(0, summary.all().mean(), MEAN_TOL_HU, "mean change over the overlap");
		assertEquals(0, summary.all().median(), MEAN_TOL_HU, "median change over the overlap");
	}

	/** Away from edges only noise and a small calibration offset remain. */
	@Test
	void uniformRegionsMatch() {
		DifferenceSummary summary = DifferenceSummary.of(maps.absolute(), baseline, body);
		assertTrue(summary.uniform().count() > 200_000, "uniform voxels: " + summary.uniform()
			.count());
		assertEquals(0, summary.uniform().mean(), MEAN_TOL_HU, "mean change away from edges");
		assertTrue(summary.uniform().sd() < UNIFORM_SD_HU, "SD away from edges: " + summary
			.uniform().sd());
	}

	@Test
	void tiltKeptInGeometry() throws IOException {
		CtVolume second = CtReaders.open(CtSamples.folder(
			"02_dicom_philips_head_phantom_t2_tilt_subset"), ReadOptions.DEFAULT);
		assertEquals(18.5, second.geometry().tiltDegrees(), 0.01, "tilt from the positions");
	}
}
