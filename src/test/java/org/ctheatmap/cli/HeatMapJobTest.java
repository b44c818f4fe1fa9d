package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.ctheatmap.core.HuStatistics;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.phantom.PhantomWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapJobTest {

	static final Path IMAGES = Paths.get("test-images");
	static final Path BASELINE_DICOM = IMAGES.resolve("baseline-dicom");
	static final Path BASELINE_NIFTI = IMAGES.resolve("baseline.nii.gz");

	/** Means of the same integer HU summed in another voxel order may differ in the last bits. */
	private static final double SUM_ORDER_TOL_HU = 1e-9;

	@TempDir
	static Path root;

	private static HeatMapResult dicom;
	private static HeatMapResult nifti;
	private static JsonObject sidecar;
	private static JsonObject groundTruth;

	@BeforeAll
	static void runOnPhantom() throws IOException {
		dicom = HeatMapJob.run(new HeatMapRequest.Builder(BASELINE_DICOM, root.resolve("dicom"))
			.build(), ProgressListener.NONE);
		nifti = HeatMapJob.run(new HeatMapRequest.Builder(BASELINE_NIFTI, root.resolve("nifti"))
			.build(), ProgressListener.NONE);
		sidecar = parse(dicom.sidecar());
		groundTruth = parse(IMAGES.resolve(PhantomWriter.GROUND_TRUTH));
	}

	@Test
	void dicomAndNiftiGiveSameStatistics() {
		assertSameStatistics(dicom.wholeVolume(), nifti.wholeVolume(), "whole volume");
		assertSameStatistics(dicom.body(), nifti.body(), "body");
	}

	@Test
	void bodyMatchesGroundTruth() {
		JsonObject baseline = groundTruth.getAsJsonArray("timePoints").get(0).getAsJsonObject();
		assertEquals(baseline.get("bodyVoxelCount").getAsLong(), dicom.body().count(),
			"Body voxels");
		assertEquals(128L * 128 * 48, dicom.wholeVolume().count(), "Voxels of the whole volume");
	}

	@Test
	void outputsOpenInImageJ() {
		ImagePlus tiff = IJ.openImage(dicom.tiff().toString());
		assertEquals(24, tiff.getBitDepth(), "TIFF bit depth");
		assertEquals(48, tiff.getStackSize(), "TIFF slices");
		assertEquals(0.8, tiff.getCalibration().pixelWidth, 1e-9, "TIFF pixel width (mm)");
		assertEquals("slice 12", tiff.getStack().getSliceLabel(12), "TIFF slice label");
		ImagePlus png = IJ.openImage(dicom.png().toString());
		assertEquals(24, png.getBitDepth(), "PNG bit depth");
		int montageWidth = Montage.GAP + 4 * (128 + Montage.GAP);
		assertTrue(png.getWidth() > montageWidth, "PNG wider than the montage by the colour bar: " +
			png.getWidth());
	}

	@Test
	void sidecarDescribesRun() {
		JsonObject software = sidecar.getAsJsonObject("software");
		assertEquals(SoftwareVersion.version(), software.get("version").getAsString(), "Version");
		assertNotEquals("unknown", software.get("version").getAsString(), "Filtered version");
		JsonObject input = sidecar.getAsJsonObject("input");
		assertEquals("DICOM", input.get("format").getAsString(), "Input format");
		assertEquals(groundTruth.getAsJsonArray("timePoints").get(0).getAsJsonObject()
			.getAsJsonObject("files").getAsJsonObject("dicom").get("seriesInstanceUid")
			.getAsString(), input.get("seriesInstanceUid").getAsString(), "Series UID");
		assertEquals(48, input.getAsJsonArray("dimensions").get(2).getAsInt(), "Slices");
		assertEquals(2.5, input.getAsJsonArray("spacingMm").get(2).getAsDouble(), 0,
			"Slice spacing (mm)");
		assertTrue(sidecar.get("huConversion").getAsString().contains("-1024"),
			"HU conversion names the intercept: " + sidecar.get("huConversion"));
		JsonObject parameters = sidecar.getAsJsonObject("parameters");
		assertEquals(-100, parameters.get("minHu").getAsDouble(), 0, "minHu");
		assertEquals(-100, parameters.get("thresholdHu").getAsDouble(), 0,
			"thresholdHu defaults to minHu");
		assertEquals("Soft tissue", parameters.getAsJsonObject("window").get("name")
			.getAsString(), "Window");
		JsonObject body = sidecar.getAsJsonObject("statistics").getAsJsonObject("body");
		assertEquals(dicom.body().count(), body.get("voxelCount").getAsLong(), "Body count");
		assertEquals(dicom.body().mean(), body.get("meanHu").getAsDouble(), 0, "Body mean (HU)");
		JsonObject acquisition = sidecar.getAsJsonObject("acquisition");
		assertEquals("STANDARD", acquisition.get("ConvolutionKernel").getAsString(), "Kernel");
		assertTrue(acquisition.get("KVP").isJsonNull(), "kVp not in the phantom, so null");
		assertEquals(0, sidecar.getAsJsonArray("warnings").size(), "Warnings");
	}

	@Test
	void patientNeverReachesOutputs() throws IOException {
		for (Path output : new Path[] { dicom.tiff(), dicom.png(), dicom.sidecar() }) {
			String bytes = new String(Files.readAllBytes(output), StandardCharsets.ISO_8859_1);
			assertFalse(bytes.contains(PhantomWriter.FAKE_PATIENT_NAME), "Patient name in " +
				output);
			assertFalse(bytes.contains(PhantomWriter.FAKE_PATIENT_ID), "Patient ID in " + output);
			assertFalse(bytes.contains(PhantomWriter.FAKE_BIRTH_DATE), "Birth date in " + output);
		}
	}

	@Test
	void existingOutputsNeedOverwrite() throws IOException {
		byte[] before = Files.readAllBytes(dicom.sidecar());
		HeatMapRequest again = new HeatMapRequest.Builder(BASELINE_DICOM, root.resolve("dicom"))
			.build();
		InvalidInputException error = assertThrows(InvalidInputException.class,
			() -> HeatMapJob.run(again, ProgressListener.NONE), "Second run without overwrite");
		assertTrue(error.getMessage().contains("--overwrite"), "Message: " + error.getMessage());
		assertEquals(new String(before, StandardCharsets.UTF_8), new String(Files.readAllBytes(
			dicom.sidecar()), StandardCharsets.UTF_8), "Sidecar untouched");
	}

	@Test
	void missingSliceIsRejected() {
		HeatMapRequest request = new HeatMapRequest.Builder(BASELINE_DICOM, root.resolve(
			"slices")).slices(new int[] { 12, 49 }).build();
		InvalidInputException error = assertThrows(InvalidInputException.class,
			() -> HeatMapJob.run(request, ProgressListener.NONE), "Slice 49 of 48");
		assertTrue(error.getMessage().contains("49"), "Message names the slice: " + error
			.getMessage());
		assertFalse(Files.exists(root.resolve("slices")), "No output folder");
	}

	@Test
	void smoothingChangesColoursNotStatistics() throws IOException {
		HeatMapResult smoothed = HeatMapJob.run(new HeatMapRequest.Builder(BASELINE_DICOM, root
			.resolve("smoothed")).smoothingRadiusMm(2).build(), ProgressListener.NONE);
		assertSameStatistics(dicom.body(), smoothed.body(), "body after smoothing");
		ImagePlus plain = IJ.openImage(dicom.tiff().toString());
		ImagePlus blurred = IJ.openImage(smoothed.tiff().toString());
		int[] a = (int[]) plain.getStack().getPixels(12);
		int[] b = (int[]) blurred.getStack().getPixels(12);
		int differing = 0;
		for (int n = 0; n < a.length; n++) {
			if (a[n] != b[n]) differing++;
		}
		assertTrue(differing > a.length / 10, "Pixels of slice 12 changed by smoothing: " +
			differing);
		assertEquals(2.0, parse(smoothed.sidecar()).getAsJsonObject("parameters").get(
			"smoothingRadiusMm").getAsDouble(), 0, "Radius in the sidecar (mm)");
	}

	@Test
	void seriesOptionChoosesSeries() throws IOException {
		Path folder = Files.createDirectories(root.resolve("two-series"));
		copyFolder(BASELINE_DICOM, folder.resolve("a"));
		copyFolder(IMAGES.resolve("followup-hu-dicom"), folder.resolve("b"));
		String uid = groundTruth.getAsJsonArray("timePoints").get(2).getAsJsonObject()
			.getAsJsonObject("files").getAsJsonObject("dicom").get("seriesInstanceUid")
			.getAsString();
		HeatMapResult chosen = HeatMapJob.run(new HeatMapRequest.Builder(folder, root.resolve(
			"chosen")).seriesUid(uid).build(), ProgressListener.NONE);
		JsonObject chosenSidecar = parse(chosen.sidecar());
		assertEquals(uid, chosenSidecar.getAsJsonObject("input").get("seriesInstanceUid")
			.getAsString(), "Series read");
		assertEquals(uid, chosenSidecar.getAsJsonObject("parameters").get("seriesUid")
			.getAsString(), "Series requested");
		assertTrue(chosenSidecar.getAsJsonArray("warnings").size() > 0,
			"A warning lists the other series");
	}

	private static void copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	private static void assertSameStatistics(HuStatistics expected, HuStatistics actual,
		String region)
	{
		assertEquals(expected.count(), actual.count(), "Voxel count of the " + region);
		assertEquals(expected.min(), actual.min(), 0, "Minimum (HU) of the " + region);
		assertEquals(expected.max(), actual.max(), 0, "Maximum (HU) of the " + region);
		assertEquals(expected.mean(), actual.mean(), SUM_ORDER_TOL_HU, "Mean (HU) of the " +
			region);
		assertEquals(expected.standardDeviation(), actual.standardDeviation(), SUM_ORDER_TOL_HU,
			"SD (HU) of the " + region);
	}

	static JsonObject parse(Path file) throws IOException {
		return JsonParser.parseString(new String(Files.readAllBytes(file),
			StandardCharsets.UTF_8)).getAsJsonObject();
	}
}
