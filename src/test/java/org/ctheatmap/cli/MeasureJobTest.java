package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.RoiSetWriter;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@code ct-heatmap measure} on a generated CT and label map. */
class MeasureJobTest {

	private static final double[] SPACING = { 0.7, 0.7, 2.5 };

	/**
	 * NIfTI stores the spacing as float32 (0.7 mm reads back as 0.699999988),
	 * so areas and volumes differ from the decimal products by up to about
	 * 1e-7 relative.
	 */
	private static final double FLOAT32_SPACING_TOL = 1e-6;

	/** Patient position (mm) of voxel (0, 0, 0) of the generated CT. */
	private static final double[] ORIGIN = { -5, 10, 20 };

	@Test
	void labelsWriteCsvAndSidecar(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		Path labels = write(folder, "labels.nii.gz", labelValues());
		Path out = folder.resolve("out");

		Result result = cli("measure", ct.toString(), "--labels", labels.toString(), "--out",
			out.toString(), "--threshold", "50");

		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		List<String> csv = Files.readAllLines(out.resolve(MeasureJob.CSV_NAME),
			StandardCharsets.UTF_8);
		assertEquals(3, csv.size(), "header and two labels");
		assertTrue(csv.get(0).startsWith("Region,Slices,Voxels,Area (mm²),Volume (mm³)," +
			"Mean (HU),SD (HU),Min (HU),Max (HU),Median (HU),P5 (HU),P25 (HU),P75 (HU)," +
			"P95 (HU),Threshold (HU),Fraction above threshold"), csv.get(0));
		// Label 1: 10 x 10 x 4 voxels of 0.7 x 0.7 x 2.5 mm = 490 mm³ at 40 HU.
		String[] cube = csv.get(1).split(",", -1);
		assertEquals("Label 1,4,400,", String.join(",", Arrays.copyOfRange(cube, 0, 4)),
			"label 1 name, slices, voxels and no area");
		assertEquals(490, Double.parseDouble(cube[4]), 490 * FLOAT32_SPACING_TOL,
			"label 1 volume");
		assertEquals("40,0,40,40,40,40,40,40,40,50,0", String.join(",", Arrays.copyOfRange(cube,
			5, cube.length)), "label 1 statistics");
		// Label 2: 2 x 2 pixels on slice 3 at 100 HU, all above 50 HU.
		String[] square = csv.get(2).split(",", -1);
		assertEquals(1.96, Double.parseDouble(square[3]), 1.96 * FLOAT32_SPACING_TOL,
			"label 2 area");
		assertEquals(4.9, Double.parseDouble(square[4]), 4.9 * FLOAT32_SPACING_TOL,
			"label 2 volume");
		assertEquals("100,0,100,100,100,100,100,100,100,50,1", String.join(",", Arrays
			.copyOfRange(square, 5, square.length)), "label 2 statistics");

		String sidecar = new String(Files.readAllBytes(out.resolve(MeasureJob.SIDECAR_NAME)),
			StandardCharsets.UTF_8);
		assertTrue(sidecar.contains("\"command\": \"measure\""), sidecar);
		assertTrue(sidecar.contains("\"thresholdHu\": 50.0"), sidecar);
		assertTrue(sidecar.contains("\"spacingMm\": ["), sidecar);
		assertTrue(sidecar.contains("\"labels\": {"), sidecar);
		assertTrue(sidecar.contains("Hyndman-Fan type 7"), "percentile definition");
		assertTrue(sidecar.contains("\"version\": "), "software version");
	}

	@Test
	void roiSetMeasured(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		Roi oval = new OvalRoi(2, 2, 6, 6);
		oval.setName("lesion");
		oval.setPosition(2);
		Path rois = folder.resolve("rois.zip");
		RoiSetWriter.write(Collections.singletonList(oval), rois);
		Path out = folder.resolve("out");

		Result result = cli("measure", ct.toString(), "--rois", rois.toString(), "--out", out
			.toString());

		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		List<String> csv = Files.readAllLines(out.resolve(MeasureJob.CSV_NAME),
			StandardCharsets.UTF_8);
		assertTrue(csv.get(1).startsWith("lesion,1,"), csv.get(1));
		String sidecar = new String(Files.readAllBytes(out.resolve(MeasureJob.SIDECAR_NAME)),
			StandardCharsets.UTF_8);
		assertTrue(sidecar.contains("\"roiCount\": 1"), sidecar);
	}

	@Test
	void labelMapOnOtherGridLeavesNoOutput(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		float[][] small = new float[3][];
		System.arraycopy(labelValues(), 0, small, 0, 3);
		Path labels = write(folder, "labels.nii.gz", small);
		Path out = folder.resolve("out");

		Result result = cli("measure", ct.toString(), "--labels", labels.toString(), "--out",
			out.toString());

		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "invalid input");
		assertTrue(result.err.contains("\nct-heatmap: " + labels + ": The label map"),
			result.err);
		assertFalse(Files.exists(out), "no output folder after a failure");
		try (Stream<Path> files = Files.list(folder)) {
			assertEquals(2, files.count(), "no staging folder left beside the inputs");
		}
	}

	@Test
	void shiftedLabelMapIsRejected(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		// Same size and spacing 3 mm further to the patient's left, so labels miss their organs.
		Path labels = write(folder, "labels.nii.gz", labelValues(), new double[] { -2, 10, 20 });
		Path out = folder.resolve("out");

		Result result = cli("measure", ct.toString(), "--labels", labels.toString(), "--out",
			out.toString());

		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "invalid input; stderr: " +
			result.err);
		assertTrue(result.err.contains("\nct-heatmap: " + labels + ": the label map lies" +
			" elsewhere in patient space than the CT"), result.err);
		assertTrue(result.err.contains("3.00 mm apart"), "distance named: " + result.err);
		assertFalse(Files.exists(out), "no output folder after a failure");
	}

	@Test
	void labelMapWithinToleranceIsMeasured(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		// 0.01 mm is far below a tenth of the 0.7 mm pixels, like header rounding.
		Path labels = write(folder, "labels.nii.gz", labelValues(), new double[] { -4.99, 10,
			20 });
		Path out = folder.resolve("out");

		Result result = cli("measure", ct.toString(), "--labels", labels.toString(), "--out",
			out.toString());

		assertEquals(0, result.code, "exit code; stderr: " + result.err);
		assertTrue(Files.exists(out.resolve(MeasureJob.CSV_NAME)), "table written");
	}

	@Test
	void existingOutputIsKept(@TempDir Path folder) throws IOException {
		Path ct = write(folder, "ct.nii.gz", ctValues());
		Path labels = write(folder, "labels.nii.gz", labelValues());
		Path out = Files.createDirectories(folder.resolve("out"));
		Files.write(out.resolve(MeasureJob.CSV_NAME), new byte[] { 'x' });

		Result result = cli("measure", ct.toString(), "--labels", labels.toString(), "--out",
			out.toString());

		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, result.code, "output exists");
		assertTrue(result.err.contains("--overwrite"), result.err);
		assertEquals(1, Files.size(out.resolve(MeasureJob.CSV_NAME)), "old file untouched");
	}

	@Test
	void missingRegionsOptionIsAUsageError(@TempDir Path folder) {
		Result result = cli("measure", "ct.nii", "--out", folder.toString());
		assertEquals(2, result.code, "picocli usage error");
		assertTrue(result.err.contains("--labels"), result.err);
	}

	@Test
	void sidecarDropsPatientKeys() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "DICOM");
		metadata.put("PatientName", "Doe^Jane");
		metadata.put("Patient ID", "12345");
		metadata.put("BirthDate", "19700101");
		Map<String, String> kept = MeasureSidecar.withoutIdentifiers(metadata);
		assertEquals(Collections.singletonMap("Format", "DICOM"), kept,
			"only non-identifying keys remain");
	}

	/** Returns 4 slices of 16 x 16 voxels, all 40 HU except a 100 HU square on slice 3. */
	private static float[][] ctValues() {
		float[][] slices = new float[4][16 * 16];
		for (float[] slice : slices) {
			Arrays.fill(slice, 40);
		}
		for (int y = 12; y < 14; y++) {
			for (int x = 12; x < 14; x++) {
				slices[2][y * 16 + x] = 100;
			}
		}
		return slices;
	}

	/** Returns label 1 as a 10 x 10 square on every slice and label 2 on the 100 HU square. */
	private static float[][] labelValues() {
		float[][] slices = new float[4][16 * 16];
		for (float[] slice : slices) {
			for (int y = 1; y < 11; y++) {
				Arrays.fill(slice, y * 16 + 1, y * 16 + 11, 1);
			}
		}
		for (int y = 12; y < 14; y++) {
			for (int x = 12; x < 14; x++) {
				slices[2][y * 16 + x] = 2;
			}
		}
		return slices;
	}

	private static Path write(Path folder, String name, float[][] slices) throws IOException {
		return write(folder, name, slices, ORIGIN);
	}

	private static Path write(Path folder, String name, float[][] slices, double[] origin)
		throws IOException
	{
		ImageStack stack = new ImageStack(16, 16);
		for (float[] slice : slices) {
			stack.addSlice(new FloatProcessor(16, 16, slice.clone()));
		}
		PatientGeometry geometry = PatientGeometry.axial(origin, SPACING);
		CtVolume volume = new CtVolume(new ImagePlus(name, stack), geometry, "generated",
			new HashMap<>(), Collections.emptyList());
		Path file = folder.resolve(name);
		NiftiWriter.write(volume, file, NiftiDataType.INT16);
		return file;
	}

	private static Result cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CtHeatMapCli.run(args, new PrintStream(out, true), new PrintStream(err,
			true));
		return new Result(code, new String(err.toByteArray(), StandardCharsets.UTF_8));
	}

	private static final class Result {

		final int code;
		final String err;

		Result(int code, String err) {
			this.code = code;
			this.err = err;
		}
	}
}
