package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registers the single axial chest slices of one patient taken months apart,
 * with different fields of view, pixel spacing and table positions. No
 * reference transform is published, so the test checks that the similarity rises and that
 * registering each way gives inverse transforms.
 */
class Registration2dSampleTest {

	private static final String SAMPLES = "06_dicom_longitudinal_covid_axial_pairs";

	/**
	 * The round-trip bound of A002304 is wider because its slices lie 32.75 mm
	 * apart along z and show different anatomy (measured 3.8 pixels, against
	 * 0.5 pixels for A048383, whose slices are 27.75 mm apart).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "A048383, 19001231-30.dcm, 19010410-30.dcm, 1",
		"A002304, 19001231-076.dcm, 19010112-135.dcm, 5" })
	void registersSlicePair(String subject, String first, String second,
		double roundTripPixels) throws IOException
	{
		Path folder = CtSamples.folder(SAMPLES).resolve(subject);
		PatientVolume baseline = PatientVolume.of(CtReaders.open(folder.resolve(first),
			ReadOptions.DEFAULT), 1);
		PatientVolume followUp = PatientVolume.of(CtReaders.open(folder.resolve(second),
			ReadOptions.DEFAULT), 1);
		RegistrationResult forward = RigidRegistration.register(baseline, followUp,
			RegistrationSettings.DEFAULT, ProgressListener.NONE);
		RegistrationResult backward = RigidRegistration.register(followUp, baseline,
			RegistrationSettings.DEFAULT, ProgressListener.NONE);
		System.out.printf(Locale.ROOT, "%s: %s, NCC %.3f to %.3f in %d ms%n", subject, forward
			.transform(), forward.startMetric(), forward.finalMetric(), forward.elapsedMillis());
		double[] spacing = baseline.geometry().spacing();
		double worst = 0;
		for (int corner = 0; corner < 4; corner++) {
			double[] p = baseline.geometry().voxelToPatient((corner & 1) * (baseline.width() - 1),
				(corner >> 1) * (baseline.height() - 1), 0);
			double[] back = backward.transform().apply(forward.transform().apply(p));
			back[2] = p[2];
			worst = Math.max(worst, Math.hypot(back[0] - p[0], back[1] - p[1]) / spacing[0]);
		}
		assertTrue(forward.planar(), "2-D");
		assertTrue(forward.finalMetric() > forward.startMetric(), "NCC rose from " + forward
			.startMetric() + " to " + forward.finalMetric());
		assertTrue(worst <= roundTripPixels, "forward then backward moves a corner by " + worst +
			" pixels");
	}
}
