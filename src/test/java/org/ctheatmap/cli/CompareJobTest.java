package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.report.ComparisonReport;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ct-heatmap compare} on the committed phantom time points and the real pair. */
class CompareJobTest {

	private static final Path IMAGES = Paths.get("test-images");

	/** Noise bound on the lesion's mean change in HU; its SD is 0.19 HU over 1341 voxels. */
	private static final double LESION_NOISE_HU = 1;

	@TempDir
	Path folder;

	@Test
	void phantomReportWithLabels() throws IOException {
		Path labels = writeLesionLabels(PhantomGenerator.geometry(), PhantomGenerator.WIDTH,
			PhantomGenerator.DEPTH, 1);
		Path out = folder.resolve("report");
		Result result = cli("compare", IMAGES.resolve("baseline.nii.gz").toString(), IMAGES
			.resolve("followup-growth.nii.gz").toString(), IMAGES.resolve("followup-hu.nii.gz")
				.toString(), "--names", "baseline,growth,hu", "--labels", labels.toString(),
			"--alignment", "patient-coordinates", "--no-nifti", "--out", out.toString());
		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		assertTrue(result.out.contains("Report written to"), result.out);
		List<String> lines = Files.readAllLines(out.resolve(ComparisonReport.CHANGES_NAME));
		assertEquals(4, lines.size(), "header and one row per time point");
		String[] hu = lines.get(3).split(",");
		assertEquals("hu", hu[1], "third time point");
		assertEquals(-40, Double.parseDouble(hu[ChangeTable.HEADERS.indexOf(
			"Change in mean (HU)")]), LESION_NOISE_HU, "lesion change");
		assertTrue(Files.isRegularFile(out.resolve("trend-Label_1.png")), "trend plot");
		assertTrue(Files.isRegularFile(out.resolve("change-hu-hu.png")), "ΔHU montage");
		assertFalse(Files.exists(out.resolve("change-hu-hu.nii.gz")), "no NIfTI");
	}

	@Test
	void coarseLabelMapIsResampled() throws IOException {
		PatientGeometry fine = PhantomGenerator.geometry();
		double[] spacing = fine.spacing();
		spacing[0] *= 2;
		spacing[1] *= 2;
		double[] origin = fine.voxelToPatient(0.5, 0.5, 0);
		PatientGeometry coarse = PatientGeometry.axial(origin, spacing);
		Path labels = writeLesionLabels(coarse, PhantomGenerator.WIDTH / 2, PhantomGenerator.DEPTH,
			2);
		Path out = folder.resolve("report");
		Result result = cli("compare", IMAGES.resolve("baseline.nii.gz").toString(), IMAGES
			.resolve("followup-hu.nii.gz").toString(), "--labels", labels.toString(),
			"--no-nifti", "--alignment", "patient-coordinates", "--out", out.toString());
		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		String[] row = Files.readAllLines(out.resolve(ComparisonReport.CHANGES_NAME)).get(2)
			.split(",");
		assertEquals(-40, Double.parseDouble(row[ChangeTable.HEADERS.indexOf(
			"Change in mean (HU)")]), 3, "lesion change through a 1.6 mm label map");
	}

	@Test
	void mutualInformationRegistration() throws IOException {
		Path out = folder.resolve("report");
		Result result = cli("compare", IMAGES.resolve("baseline.nii.gz").toString(), IMAGES
			.resolve("followup-hu.nii.gz").toString(), "--alignment", "registration", "--metric",
			"mattes-mi", "--no-nifti", "--out", out.toString());
		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		JsonObject registration = JsonParser.parseString(new String(Files.readAllBytes(out
			.resolve(ComparisonReport.SIDECAR_NAME)), StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonObject("comparison").getAsJsonArray("followUps").get(0).getAsJsonObject()
			.getAsJsonObject("registration");
		assertEquals("Mattes mutual information", registration.get("metric").getAsString(),
			"metric");
		JsonObject transform = registration.getAsJsonObject("transform");
		assertEquals(0, transform.get("rotationAngleDegrees").getAsDouble(), 0.1,
			"same grid: no rotation");
		for (int a = 0; a < 3; a++) {
			assertEquals(0, transform.getAsJsonArray("translationMm").get(a).getAsDouble(), 0.2,
				"same grid: no translation along axis " + a);
		}
	}

	@Test
	void unknownMetricIsUsageError() {
		Result result = cli("compare", "a", "b", "--metric", "ssd", "--out", folder.resolve("r")
			.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "exit code");
		assertTrue(result.err.contains("Unknown registration metric 'ssd'"), result.err);
	}

	@Test
	void nanRangeIsUsageError() {
		Result result = cli("compare", "a", "b", "--range", "NaN", "--out", folder.resolve("r")
			.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "exit code");
		assertTrue(result.err.contains("--range and --percent-range must be numbers"), result.err);
	}

	@Test
	void sequentialColormapIsUsageError() {
		Result result = cli("compare", "a", "b", "--colormap", "viridis", "--out", folder.resolve(
			"r").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "exit code");
		assertTrue(result.err.contains("diverging table"), result.err);
	}

	@Test
	void existingReportIsInvalidInput() throws IOException {
		Path out = Files.createDirectories(folder.resolve("report"));
		Result result = cli("compare", IMAGES.resolve("baseline.nii.gz").toString(), IMAGES
			.resolve("followup-hu.nii.gz").toString(), "--out", out.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "exit code");
		assertTrue(result.err.contains("already exists"), result.err);
	}

	@Test
	void unknownAlignmentIsUsageError() {
		Result result = cli("compare", "a", "b", "--alignment", "elastic", "--out", folder
			.resolve("r").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "exit code");
		assertTrue(result.err.contains("Unknown alignment 'elastic'"), result.err);
	}

	/**
	 * The tilted 2.5 mm phantom scan against the 5 mm one, aligned by their
	 * shared frame of reference: the mean change over the overlap is near 0.
	 */
	@Test
	void realPairNearZero() throws IOException {
		Path first = CtSamples.folder("01_dicom_philips_head_phantom_t1_5mm");
		Path second = CtSamples.folder("02_dicom_philips_head_phantom_t2_tilt_subset");
		Path out = folder.resolve("report");
		Result result = cli("compare", first.toString(), second.toString(), "--no-nifti",
			"--out", out.toString());
		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		JsonObject followUp = JsonParser.parseString(new String(Files.readAllBytes(out.resolve(
			ComparisonReport.SIDECAR_NAME)), StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonObject("comparison").getAsJsonArray("followUps").get(0).getAsJsonObject();
		assertEquals("Patient coordinates", followUp.get("alignment").getAsString(),
			"shared frame of reference");
		JsonObject all = followUp.getAsJsonObject("absoluteChange").getAsJsonObject("all");
		assertEquals(0, all.get("Mean (ΔHU)").getAsDouble(), 3, "mean change in the overlap");
		assertTrue(result.err.contains("Gantry tilt"), "tilt warning passed on: " + result.err);
	}

	/** Single chest slices months apart: automatic alignment registers them in 2-D. */
	@Test
	void slicePairRegisteredIn2d() throws IOException {
		Path subject = CtSamples.folder("06_dicom_longitudinal_covid_axial_pairs").resolve(
			"A048383");
		Path out = folder.resolve("report");
		Result result = cli("compare", subject.resolve("19001231-30.dcm").toString(), subject
			.resolve("19010410-30.dcm").toString(), "--no-nifti", "--out", out.toString());
		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		JsonObject followUp = JsonParser.parseString(new String(Files.readAllBytes(out.resolve(
			ComparisonReport.SIDECAR_NAME)), StandardCharsets.UTF_8)).getAsJsonObject()
			.getAsJsonObject("comparison").getAsJsonArray("followUps").get(0).getAsJsonObject();
		assertEquals("Rigid registration", followUp.get("alignment").getAsString(),
			"no shared frame of reference");
		JsonObject registration = followUp.getAsJsonObject("registration");
		assertTrue(registration.get("mode").getAsString().startsWith("2-D"), "2-D mode");
		assertTrue(registration.get("finalMetric").getAsDouble() > registration.get(
			"startMetric").getAsDouble(), "NCC rose");
		assertTrue(Files.isRegularFile(out.resolve("change-follow-up-hu.png")), "montage");
	}

	private Path writeLesionLabels(PatientGeometry geometry, int size, int depth, int step)
		throws IOException
	{
		byte[][] tissues = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		ImageStack stack = new ImageStack(size, size);
		for (int k = 0; k < depth; k++) {
			float[] labels = new float[size * size];
			for (int j = 0; j < size; j++) {
				for (int i = 0; i < size; i++) {
					int index = j * step * PhantomGenerator.WIDTH + i * step;
					boolean lesion = tissues[k][index] == PhantomTissue.LESION.ordinal();
					labels[j * size + i] = lesion ? 1 : 0;
				}
			}
			stack.addSlice("", new FloatProcessor(size, size, labels));
		}
		CtVolume volume = new CtVolume(new ImagePlus("labels", stack), geometry, "labels",
			new HashMap<>(), new ArrayList<>());
		Path file = folder.resolve("labels-" + step + ".nii.gz");
		NiftiWriter.write(volume, file, NiftiDataType.INT16);
		return file;
	}

	private static Result cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CtHeatMapCli.run(args, new PrintStream(out, true), new PrintStream(err,
			true));
		return new Result(code, new String(out.toByteArray(), StandardCharsets.UTF_8),
			new String(err.toByteArray(), StandardCharsets.UTF_8));
	}

	private static final class Result {

		final int code;
		final String out;
		final String err;

		Result(int code, String out, String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}
	}
}
