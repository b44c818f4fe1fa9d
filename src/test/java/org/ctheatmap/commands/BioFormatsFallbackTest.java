package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BioFormatsFallbackTest {

	private static final Path FILE = Paths.get("scan.xyz");

	@AfterEach
	void resetFake() {
		FakeBioFormats.signed = false;
	}

	@Test
	void absentWithoutBioFormats() {
		BioFormatsFallback fallback = new BioFormatsFallback();
		assertFalse(fallback.available(), "Bio-Formats is not on the test class path");
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> fallback.open(
			FILE), "opening without Bio-Formats");
		assertEquals(FILE + ": Bio-Formats (loci.plugins.BF) is not installed; it is needed for" +
			" this file type", e.getMessage(), "message");
	}

	@Test
	void rescaleAppliedFromInfo() throws InvalidInputException {
		BioFormatsFallback fallback = new BioFormatsFallback(FakeBioFormats.class.getName());
		assertTrue(fallback.available(), "the stand-in class is found");
		CtVolume v = fallback.open(FILE);
		assertArrayEquals(new float[] { -1024, -1022, -1020, -1018, -1016, -1014 }, (float[]) v
			.image().getStack().getPixels(1), "HU = 2 * raw - 1024");
		assertEquals("Bio-Formats", v.metadata().get("Format"), "format");
		assertTrue(v.warnings().get(0).startsWith("Opened with Bio-Formats"), "first warning: " + v
			.warnings());
	}

	@Test
	void rescaleComposedWithSignedOffset() throws InvalidInputException {
		FakeBioFormats.signed = true;
		CtVolume v = new BioFormatsFallback(FakeBioFormats.class.getName()).open(FILE);
		assertArrayEquals(new float[] { -1024, -1022, -1020, -1018, -1016, -1014 }, (float[]) v
			.image().getStack().getPixels(1), "HU = 2 * (stored - 32768) - 1024");
	}

	@Test
	void rescaleParsedFromInfoFormats() {
		assertArrayEquals(new double[] { 1, -1024 }, BioFormatsFallback.rescaleFromInfo(
			"Rescale Slope = 1\nRescale Intercept = -1024\n"), 0, "key = value");
		assertArrayEquals(new double[] { 0.5, -1000.5 }, BioFormatsFallback.rescaleFromInfo(
			"0028,1053  Rescale Slope: 0.5\n0028,1052  Rescale Intercept: -1000.5"), 0,
			"tag and colon");
		assertArrayEquals(new double[] { 2.5e-1, 3 }, BioFormatsFallback.rescaleFromInfo(
			"RescaleSlope=2.5E-1\nRescaleIntercept=+3"), 0, "no blanks, exponent");
		assertNull(BioFormatsFallback.rescaleFromInfo("Rescale Slope = 1\n"), "intercept missing");
		assertNull(BioFormatsFallback.rescaleFromInfo("Rescale Slope = 0\nRescale Intercept = 1"),
			"zero slope");
		assertNull(BioFormatsFallback.rescaleFromInfo(null), "no Info");
	}
}
