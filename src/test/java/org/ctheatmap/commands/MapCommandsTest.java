package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.core.maps.MapType;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.LutInstaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * Runs "Parameter Map", "Find Hotspots" and "Install Colour Tables" through
 * SciJava's CommandService, headless.
 */
class MapCommandsTest {

	/** Float mean of integer HU. */
	private static final double HU_TOL = 1e-4;

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class, LogService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void localMeanOnAnisotropicGrid() throws Exception {
		// 0.9 mm on 0.5 x 0.5 x 2 mm voxels: half-widths round(1.8) = 2 and round(0.45) = 0,
		// a 5 x 5 x 1 box, so slices do not mix.
		ImagePlus ct = cube(0);
		CommandModule module = commands.run(ParameterMapCommand.class, true, "image", ct, "map",
			"Local mean", "radiusMm", 0.9, "mask", "None").get();
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus map = (ImagePlus) module.getOutput("parameterMap");
		assertEquals("cube local mean", map.getTitle(), "title");
		assertEquals("HU", map.getCalibration().getValueUnit(), "value unit");
		assertEquals(2, map.getCalibration().pixelDepth, 0, "z spacing kept (mm)");
		assertEquals(3, map.getStackSize(), "slices");
		// Centre of slice 2: the 3 x 3 block of 100 HU is inside the 5 x 5 box.
		assertEquals(900.0 / 25, map.getStack().getProcessor(2).getf(3, 3), HU_TOL,
			"9 voxels of 100 HU in 25");
		assertEquals(0, map.getStack().getProcessor(1).getf(3, 3), HU_TOL,
			"slice 1 sees only itself");
		String info = (String) map.getProperty("Info");
		assertTrue(info.contains("Box half-widths x, y, z (voxels): 2, 2, 0"), info);
	}

	@Test
	void rangeMapWithBodyMask() throws Exception {
		ImagePlus ct = cube(-1000);
		CommandModule module = commands.run(ParameterMapCommand.class, true, "image", ct, "map",
			"HU in range", "radiusMm", 0.0, "rangeLowHu", 50.0, "rangeHighHu", 150.0, "mask",
			"Body").get();
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus map = (ImagePlus) module.getOutput("parameterMap");
		assertEquals(100, map.getStack().getProcessor(2).getf(3, 3), HU_TOL, "inside: 100 %");
		assertTrue(Float.isNaN(map.getStack().getProcessor(2).getf(0, 0)),
			"outside the body: NaN");
		assertEquals("%", map.getCalibration().getValueUnit(), "unit");
	}

	@Test
	void parameterMapCancels() throws Exception {
		CommandModule module = commands.run(ParameterMapCommand.class, true, "image", cube(0),
			"map", "Variance", "mask", "None").get();
		assertTrue(module.isCanceled(), "unknown map");
		assertTrue(module.getCancelReason().startsWith("Parameter Map: Unknown parameter map"),
			module.getCancelReason());
		module = commands.run(ParameterMapCommand.class, true, "image", cube(0), "radiusMm",
			-1.0, "mask", "None").get();
		assertTrue(module.getCancelReason().contains("0 mm or more"), module.getCancelReason());
		assertNull(module.getOutput("parameterMap"), "no output");
	}

	@Test
	void mapChoicesAreTheMapTypes() throws NoSuchFieldException {
		Field field = ParameterMapCommand.class.getDeclaredField("map");
		String[] choices = field.getAnnotation(Parameter.class).choices();
		String[] labels = Arrays.stream(MapType.values()).map(MapType::label).toArray(
			String[]::new);
		assertArrayEquals(labels, choices, "dialog choices follow MapType");
	}

	@Test
	void hotspotTableAndRois() throws Exception {
		ImagePlus ct = cube(0);
		CommandModule module = commands.run(FindHotspotsCommand.class, true, "image", ct,
			"threshold", 50.0, "connectivity", "6", "minVolumeMm3", 0.0, "addRois", true).get();
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		assertEquals(1, module.getOutput("hotspotCount"), "one cube");
		ResultsTable table = (ResultsTable) module.getOutput("hotspotTable");
		assertEquals(1, table.size(), "rows");
		assertEquals(9, table.getValue("Voxels", 0), 0, "3 x 3 voxels on one slice");
		assertEquals(4.5, table.getValue("Volume (mm³)", 0), 1e-9, "9 x 0.5 mm³");
		assertEquals(100, table.getValue("Peak (HU)", 0), 0, "peak");
		assertEquals(1.5, table.getValue("Centroid x (mm)", 0), 1e-9, "column 3 x 0.5 mm");
		assertEquals(2, table.getValue("Centroid z (mm)", 0), 1e-9, "slice index 1 x 2 mm");
		assertEquals("Hotspot 1", table.getStringValue("Hotspot", 0), "name");
		assertTrue(table == Analyzer.getResultsTable(), "the system Results table");
		Overlay overlay = ct.getOverlay();
		assertNotNull(overlay, "headless: outlines go to the overlay");
		Roi roi = overlay.get(0);
		assertEquals("Hotspot 1", roi.getName(), "ROI name");
		assertEquals(2, roi.getPosition(), "slice position");
		assertEquals(1, roi.getGroup(), "group");
	}

	@Test
	void hotspotsCancelOnInvalidConnectivity() throws Exception {
		CommandModule module = commands.run(FindHotspotsCommand.class, true, "image", cube(0),
			"connectivity", "8").get();
		assertTrue(module.isCanceled(), "canceled");
		assertTrue(module.getCancelReason().startsWith("Find Hotspots: Connectivity must be"),
			module.getCancelReason());
	}

	@Test
	void colourTablesAreWritten(@TempDir Path folder) throws Exception {
		CommandModule module = commands.run(InstallLutsCommand.class, true, "folder", folder
			.toFile(), "overwrite", false).get();
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		assertEquals(Colormaps.names().size(), module.getOutput("filesWritten"), "one per table");
		Path jet = folder.resolve(LutInstaller.fileName("jet"));
		assertEquals(768, Files.size(jet), "ImageJ .lut size");
		module = commands.run(InstallLutsCommand.class, true, "folder", folder.toFile(),
			"overwrite", false).get();
		assertEquals(0, module.getOutput("filesWritten"), "existing files are kept");
	}

	@Test
	void installerNamesFiles() throws IOException {
		assertEquals("ct-heatmap-RdBu.lut", LutInstaller.fileName("rdbu"), "canonical name");
	}

	/**
	 * Returns 7 x 7 x 3 voxels of 0.5 x 0.5 x 2 mm at {@code background} HU,
	 * with a 3 x 3 block of 100 HU at columns and rows 2..4 of slice 2.
	 */
	private static ImagePlus cube(float background) {
		ImageStack stack = new ImageStack(7, 7);
		for (int z = 0; z < 3; z++) {
			float[] pixels = new float[49];
			Arrays.fill(pixels, background);
			if (z == 1) {
				for (int y = 2; y <= 4; y++) {
					for (int x = 2; x <= 4; x++) {
						pixels[y * 7 + x] = 100;
					}
				}
			}
			stack.addSlice(new FloatProcessor(7, 7, pixels));
		}
		ImagePlus image = new ImagePlus("cube", stack);
		Calibration calibration = image.getCalibration();
		calibration.pixelWidth = 0.5;
		calibration.pixelHeight = 0.5;
		calibration.pixelDepth = 2;
		calibration.setUnit("mm");
		calibration.setValueUnit("HU");
		return image;
	}

}
