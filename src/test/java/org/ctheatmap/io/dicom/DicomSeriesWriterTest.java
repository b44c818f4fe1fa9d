package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writer options, identifiers, range checks and file handling. */
class DicomSeriesWriterTest {

	@TempDir
	Path folder;

	@Test
	void generatedUidsAreValid() {
		String uid = DicomUids.generate();

		assertTrue(uid.matches("2\\.25\\.(0|[1-9][0-9]*)"), "2.25 form: " + uid);
		assertTrue(uid.length() <= 64, "at most 64 characters: " + uid.length());
		assertNotEquals(uid, DicomUids.generate(), "a new UID per call");
	}

	@Test
	void sharedUidsAreGeneratedOncePerSeries() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(3, 2, 3, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().build());

		List<DicomSeriesInfo> series = DicomSeriesReader.scan(folder);

		assertEquals(1, series.size(), "one series");
		assertEquals(3, series.get(0).sliceCount(), "three slices");
		assertTrue(series.get(0).seriesInstanceUid().startsWith("2.25."), "generated UID");
	}

	@Test
	void givenUidsMakeFilesReproducible() throws IOException {
		CtVolume volume = DicomTestFiles.volume(3, 2, 3, DicomTestFiles.axial(1, 1, 1));
		DicomWriteOptions options = DicomWriteOptions.builder().uids("1.2.3", "1.2.3.4", "1.2.3.5")
			.instanceOrder(DicomWriteOptions.InstanceOrder.REVERSED).build();

		List<Path> first = DicomSeriesWriter.write(volume, folder.resolve("first"), options);
		List<Path> second = DicomSeriesWriter.write(volume, folder.resolve("second"), options);

		for (int k = 0; k < 3; k++) {
			assertArrayEquals(Files.readAllBytes(first.get(k)), Files.readAllBytes(second.get(k)),
				"bytes of slice " + k);
		}
		String text = new String(Files.readAllBytes(first.get(0)), StandardCharsets.ISO_8859_1);
		assertTrue(text.contains("1.2.3.4.3\0"), "SOP Instance UID from Instance Number 3");
		assertEquals("1.2.3.4.12", DicomUids.child("1.2.3.4", 12), "child UID");
		assertTrue(DicomUids.child("1.2." + "9".repeat(60), 1).startsWith("2.25."),
			"too long for a child UID");
	}

	@Test
	void outOfRangeHuIsRejectedWithPosition() {
		CtVolume volume = DicomTestFiles.volume(3, 2, 2, DicomTestFiles.axial(1, 1, 1));
		volume.image().getStack().getProcessor(2).setf(1, 1, 3500);
		DicomWriteOptions options = DicomWriteOptions.builder().signed(false).bits(16, 12)
			.build();

		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> DicomSeriesWriter.write(volume, folder, options));

		assertEquals("HU 3500.0 at column 1, row 1, slice 1 (0-based) needs stored value 4524," +
			" outside 0..4095 of unsigned 12-bit storage with slope 1.0 and intercept -1024.0", e
				.getMessage(), "message");
	}

	@Test
	void leavesNoTemporaryFiles() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(3, 2, 4, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().fileNaming(DicomWriteOptions.FileNaming.SHUFFLED, 5)
				.build());

		List<String> names;
		try (Stream<Path> files = Files.list(folder)) {
			names = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors
				.toList());
		}

		assertEquals(List.of("CT00001.dcm", "CT00002.dcm", "CT00003.dcm", "CT00004.dcm"), names,
			"only final names");
	}

	@Test
	void fourDimensionalVolumeIsRejected() {
		ImageStack stack = new ImageStack(2, 2);
		for (int i = 0; i < 4; i++) {
			stack.addSlice(new FloatProcessor(2, 2));
		}
		ImagePlus image = new ImagePlus("4d", stack);
		image.setDimensions(1, 2, 2);
		CtVolume volume = new CtVolume(image, DicomTestFiles.axial(1, 1, 1), "HU", Collections
			.emptyMap(), Collections.emptyList());

		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> DicomSeriesWriter.write(volume, folder, DicomWriteOptions.builder().build()));

		assertTrue(e.getMessage().contains("2 time points"), e.getMessage());
	}

	@Test
	void decimalsFitSixteenCharacters() {
		assertEquals("0.451171875", DicomDataSet.formatDecimal(0.451171875), "exact value");
		assertEquals("-1024", DicomDataSet.formatDecimal(-1024), "integer");
		assertEquals("777.345191756896", DicomDataSet.formatDecimal(777.3451917568961),
			"rounded to 16 characters");
		assertEquals("-15.64097", DicomDataSet.formatDecimal(-15.640970000000001),
			"binary rounding noise removed");
		assertEquals("1E-20", DicomDataSet.formatDecimal(1e-20), "tiny value");
		for (double value : new double[] { -123456.789012345, Math.PI * 1e6, -0.000123456789 }) {
			assertTrue(DicomDataSet.formatDecimal(value).length() <= 16, "length of " + value);
		}
	}

	@Test
	void invalidOptionsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> DicomWriteOptions.builder().bits(16, 17)
			.build(), "Bits Stored above Bits Allocated");
		assertThrows(IllegalArgumentException.class, () -> DicomWriteOptions.builder().bits(12, 12)
			.build(), "Bits Allocated 12");
		assertThrows(IllegalArgumentException.class, () -> DicomWriteOptions.builder().rescale(0,
			-1024).build(), "zero slope");
	}
}
