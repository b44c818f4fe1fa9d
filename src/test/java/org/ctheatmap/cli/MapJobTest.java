package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.Hotspot;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.LutInstaller;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the map, hotspots and luts jobs on the baseline phantom. */
class MapJobTest {

	/** Float32 NIfTI of percentages: 1e-4 % is far below one voxel in 75 (1.3 %). */
	private static final double PERCENT_TOL = 1e-4;

	@TempDir
	static Path root;

	private static JsonObject sidecar;
	private static Path mapFolder;

	@BeforeAll
	static void runMap() throws IOException {
		mapFolder = root.resolve("map");
		MapJob.run(new MapRequest.Builder(HeatMapJobTest.BASELINE_NIFTI, mapFolder).map(
			"range").radiusMm(0.8).huRange(45, 80).mask(MapRequest.MASK_BODY).build(),
			ProgressListener.NONE);
		sidecar = JsonParser.parseString(new String(Files.readAllBytes(mapFolder.resolve(
			MapJob.SIDECAR_NAME)), StandardCharsets.UTF_8)).getAsJsonObject();
	}

	@Test
	void writesEveryOutput() {
		for (String name : MapJob.outputNames()) {
			assertTrue(Files.isRegularFile(mapFolder.resolve(name)), name + " exists");
		}
	}

	@Test
	void niftiHoldsTheMapOnTheCtGrid() throws IOException {
		CtVolume map = CtReaders.open(mapFolder.resolve(MapJob.NIFTI_NAME), new ReadOptions(null,
			ProgressListener.NONE));
		CtVolume ct = CtReaders.open(HeatMapJobTest.BASELINE_NIFTI, new ReadOptions(null,
			ProgressListener.NONE));
		assertArrayEquals(ct.geometry().spacing(), map.geometry().spacing(), 1e-6, "spacing");
		assertArrayEquals(ct.geometry().origin(), map.geometry().origin(), 1e-4, "origin");
		// Lesion centre voxel (36, 53, 11): its 3 x 3 x 1 box lies inside the 60 HU lesion.
		float centre = map.image().getStack().getProcessor(12).getf(36, 53);
		assertTrue(centre > 60, "lesion centre is mostly in 45..80 HU: " + centre + " %");
		assertTrue(Float.isNaN(map.image().getStack().getProcessor(12).getf(0, 0)),
			"air outside the body mask is NaN");
	}

	@Test
	void sidecarRecordsRangeAndMap() {
		JsonObject rendering = sidecar.getAsJsonObject("rendering");
		assertTrue(rendering.get("Range source").getAsString().startsWith("percentiles 2.0 and" +
			" 98.0"), "range source: " + rendering);
		assertEquals("%", sidecar.getAsJsonObject("statistics").get("unit").getAsString(),
			"unit of the range map");
		assertEquals("HU in range", sidecar.getAsJsonObject("map").get("Map").getAsString(),
			"map label");
		double maximum = sidecar.getAsJsonObject("statistics").get("maximum").getAsDouble();
		assertEquals(100, maximum, PERCENT_TOL, "some boxes lie wholly in the range");
		assertFalse(sidecar.toString().contains("PHANTOM"), "no patient name or ID");
	}

	@Test
	void pngsAreReadable() {
		ImagePlus png = IJ.openImage(mapFolder.resolve(MapJob.VIEWS_NAME).toString());
		assertEquals(24, png.getBitDepth(), "RGB PNG");
		assertTrue(png.getWidth() > 4 * 128, "four views side by side and the bar");
	}

	@Test
	void hotspotsOfTheMapFindTheLesion() throws IOException {
		Path folder = root.resolve("hotspots");
		List<Hotspot> hotspots = HotspotsJob.run(mapFolder.resolve(MapJob.NIFTI_NAME), folder,
			null, 50, Connectivity.SIX, 100, false, ProgressListener.NONE);
		assertEquals(1, hotspots.size(), "the lesion only");
		JsonObject lesion = JsonParser.parseString(new String(Files.readAllBytes(
			HeatMapJobTest.IMAGES.resolve("ground-truth.json")), StandardCharsets.UTF_8))
			.getAsJsonObject().getAsJsonArray("timePoints").get(0).getAsJsonObject()
			.getAsJsonObject("lesion");
		double expected = lesion.get("voxelVolumeMm3").getAsDouble();
		// Same 2 % as PhantomHotspotTest: edge voxels fall either side of 50 % by noise.
		assertEquals(expected, hotspots.get(0).volumeMm3(), 0.02 * expected, "lesion volume");
		String csv = new String(Files.readAllBytes(folder.resolve(HotspotsJob.CSV_NAME)),
			StandardCharsets.UTF_8);
		assertTrue(csv.startsWith("Hotspot,Frame,Voxels,Volume (mm³)"), "CSV header: " + csv);
		assertTrue(Files.size(folder.resolve(HotspotsJob.ROIS_NAME)) > 0, "ROI set written");
	}

	@Test
	void labelMapMasksTheMap() throws IOException {
		// The phantom's tissue labels as a label map; label LIVER keeps the liver only.
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		ImageStack stack = new ImageStack(PhantomGenerator.WIDTH, PhantomGenerator.HEIGHT);
		for (byte[] plane : labels) {
			float[] values = new float[plane.length];
			for (int i = 0; i < plane.length; i++) {
				values[i] = plane[i];
			}
			stack.addSlice(new FloatProcessor(PhantomGenerator.WIDTH, PhantomGenerator.HEIGHT,
				values));
		}
		Path labelFile = root.resolve("labels.nii.gz");
		NiftiWriter.write(new CtVolume(new ImagePlus("labels", stack), PhantomGenerator
			.geometry(), "labels", Collections.emptyMap(), Collections.emptyList()), labelFile,
			NiftiDataType.INT16);
		int liver = PhantomTissue.LIVER.ordinal();
		Path folder = root.resolve("liver");
		Map<String, Object> result = MapJob.run(new MapRequest.Builder(
			HeatMapJobTest.BASELINE_NIFTI, folder).map("mean").radiusMm(0).mask(labelFile
				.toString()).maskLabel(liver).build(), ProgressListener.NONE);
		assertEquals("label map labels.nii.gz, label " + liver, result.get("mask"), "mask");
		CtVolume map = CtReaders.open(folder.resolve(MapJob.NIFTI_NAME), new ReadOptions(null,
			ProgressListener.NONE));
		for (int k = 0; k < labels.length; k++) {
			float[] values = (float[]) map.image().getStack().getPixels(k + 1);
			for (int i = 0; i < values.length; i++) {
				boolean inLiver = labels[k][i] == liver;
				assertEquals(inLiver, !Float.isNaN(values[i]), "slice " + k + " voxel " + i +
					" is inside the mask exactly when it is liver");
			}
		}
		assertThrows(InvalidInputException.class, () -> MapJob.run(new MapRequest.Builder(
			HeatMapJobTest.BASELINE_NIFTI, root.resolve("none")).mask(labelFile.toString())
			.maskLabel(99).build(), ProgressListener.NONE), "label 99 is absent");
	}

	@Test
	void cliRunsLutsAndRejectsBadOptions() throws IOException {
		Path luts = root.resolve("luts");
		assertEquals(CtHeatMapCli.EXIT_OK, cli("luts", "--out", luts.toString()), "luts");
		assertTrue(Files.exists(luts.resolve(LutInstaller.fileName(Colormaps.HOT))), "hot.lut");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, cli("map", "x.nii", "--out", root.resolve("x")
			.toString(), "--map", "variance"), "unknown map");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, cli("hotspots", "x.nii", "--out", root
			.resolve("y").toString(), "--threshold", "1", "--connectivity", "8"),
			"bad connectivity");
	}

	private static int cli(String... args) {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(sink, true, StandardCharsets.UTF_8);
		return CtHeatMapCli.run(args, stream, stream);
	}
}
