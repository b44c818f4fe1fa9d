package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.LutLoader;
import ij.process.LUT;

import java.awt.image.IndexColorModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColormapsTest {

	/**
	 * Both the tables and the references print every float with Python's
	 * repr(), so they should agree exactly. 1e-7 is below the last digit of the
	 * 6-decimal tables, so it still catches any transcription error.
	 */
	private static final double FLOAT_TOL = 1e-7;

	@ParameterizedTest
	@ValueSource(strings = { "viridis", "inferno", "magma", "plasma", "cividis", "turbo",
		"coolwarm", "RdBu", "hot", "jet" })
	void matplotlibMapsMatchReference(String name) throws IOException {
		Colormap colormap = Colormaps.get(name);
		List<double[]> reference = readReference(name);
		assertEquals(Colormap.SIZE, reference.size(), name + ": reference rows");
		for (int i = 0; i < Colormap.SIZE; i++) {
			double[] row = reference.get(i);
			double[] rgb = colormap.floatRgb(i);
			int packed = colormap.rgb(i);
			for (int c = 0; c < 3; c++) {
				assertEquals(row[1 + c], rgb[c], FLOAT_TOL, name + " entry " + i + " float " + c);
				int expected8 = (int) row[4 + c];
				int actual8 = packed >> (16 - 8 * c) & 0xff;
				assertEquals(expected8, actual8, name + " entry " + i + " 8-bit channel " + c);
			}
		}
	}

	@Test
	void viridisEndsArePublishedColours() {
		Colormap viridis = Colormaps.get(Colormaps.VIRIDIS);
		// #440154 and #fde724 under truncation (matplotlib's hex #fde725 rounds).
		assertEquals(0x440154, viridis.rgb(0), "viridis entry 0");
		assertEquals(0xfde724, viridis.rgb(255), "viridis entry 255");
	}

	@Test
	void fireMatchesImageJ() {
		IndexColorModel imagej = LutLoader.getLut("fire");
		Colormap fire = Colormaps.get(Colormaps.FIRE);
		for (int i = 0; i < Colormap.SIZE; i++) {
			assertEquals(imagej.getRGB(i) & 0xffffff, fire.rgb(i), "fire entry " + i);
		}
	}

	@Test
	void graysIsIdentity() {
		Colormap grays = Colormaps.get(Colormaps.GRAYS);
		for (int i = 0; i < Colormap.SIZE; i++) {
			assertEquals(i << 16 | i << 8 | i, grays.rgb(i), "grays entry " + i);
			assertEquals(i / 255.0, grays.floatRgb(i)[1], 0, "grays float entry " + i);
		}
	}

	@Test
	void jetIsListedLast() {
		assertEquals(Colormaps.JET, Colormaps.names().get(Colormaps.names().size() - 1),
			"legacy jet comes after the recommended maps");
		assertTrue(Colormaps.get(Colormaps.JET).source().contains("legacy"),
			"source marks jet as legacy: " + Colormaps.get(Colormaps.JET).source());
	}

	@Test
	void toByteTruncates() {
		assertEquals(0, Colormap.toByte(0.0), "0.0");
		assertEquals(254, Colormap.toByte(0.999), "0.999 * 255 = 254.7");
		assertEquals(127, Colormap.toByte(0.5), "0.5 * 255 = 127.5");
		assertEquals(255, Colormap.toByte(1.0), "1.0");
	}

	@Test
	void everyNameLoads() {
		for (String name : Colormaps.names()) {
			Colormap colormap = Colormaps.get(name);
			assertEquals(name, colormap.name(), "name of " + name);
			assertNotNull(colormap.source(), "source of " + name);
			assertTrue(colormap.source().startsWith(name + ":"), "source line of " + name +
				": " + colormap.source());
		}
	}

	@Test
	void lookupIgnoresCaseAndCaches() {
		assertSame(Colormaps.get("RdBu"), Colormaps.get("rdbu"), "rdbu");
		assertSame(Colormaps.get("viridis"), Colormaps.get(" Viridis "), "Viridis");
	}

	@Test
	void unknownNameIsRejected() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Colormaps.get("parula"));
		assertTrue(e.getMessage().contains("viridis"), "message lists names: " + e
			.getMessage());
	}

	@Test
	void lutHasEightBitEntries() {
		Colormap turbo = Colormaps.get(Colormaps.TURBO);
		LUT lut = turbo.toLut();
		for (int i = 0; i < Colormap.SIZE; i++) {
			assertEquals(turbo.rgb(i), lut.getRGB(i) & 0xffffff, "turbo LUT entry " + i);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "viridis", "fire", "RdBu" })
	void writtenLutReadsBackInImageJ(String name, @TempDir Path folder) throws IOException {
		Colormap colormap = Colormaps.get(name);
		Path file = folder.resolve(name + ".lut");
		colormap.writeLut(file);
		assertEquals(768, Files.size(file), "file size");

		LUT read = LutLoader.openLut(file.toString());
		assertNotNull(read, "ImageJ opened " + file);
		byte[] reds = new byte[256];
		byte[] greens = new byte[256];
		byte[] blues = new byte[256];
		read.getReds(reds);
		read.getGreens(greens);
		read.getBlues(blues);
		assertArrayEquals(colormap.reds(), reds, "reds");
		assertArrayEquals(colormap.greens(), greens, "greens");
		assertArrayEquals(colormap.blues(), blues, "blues");
	}

	@Test
	void fromFloatsRejectsOutOfRange() {
		double[][] rgb = new double[256][];
		for (int i = 0; i < 256; i++) {
			rgb[i] = new double[] { 0, 0, i == 7 ? 1.5 : 0 };
		}
		assertThrows(IllegalArgumentException.class, () -> Colormap.fromFloats("bad", "test",
			rgb));
	}

	@Test
	void fromFloatsRejectsWrongCount() {
		assertThrows(IllegalArgumentException.class, () -> Colormap.fromFloats("short", "test",
			new double[255][3]));
	}

	/** Reads rows of "index r g b r8 g8 b8" written by tools/colormaps/export_reference.py. */
	private static List<double[]> readReference(String name) throws IOException {
		String resource = "reference-" + name + ".txt";
		List<double[]> rows = new ArrayList<>();
		try (InputStream in = ColormapsTest.class.getResourceAsStream(resource)) {
			assertNotNull(in, "test resource " + resource);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("#") || line.isBlank()) continue;
				String[] fields = line.trim().split("\\s+");
				double[] row = new double[fields.length];
				for (int f = 0; f < fields.length; f++) {
					row[f] = Double.parseDouble(fields[f]);
				}
				rows.add(row);
			}
		}
		return rows;
	}
}
