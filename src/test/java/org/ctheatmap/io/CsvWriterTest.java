package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

class CsvWriterTest {

	@Test
	void numbersWithoutExponent() {
		assertEquals("490", CsvWriter.cell(490.0), "whole double");
		assertEquals("-762.14928", CsvWriter.cell(-762.14928), "negative decimal");
		assertEquals("0.000015", CsvWriter.cell(1.5e-5), "small value without exponent");
		assertEquals("0.1", CsvWriter.cell(0.1f), "float as its shortest decimal");
		assertEquals("12345678901", CsvWriter.cell(12345678901L), "long");
		assertEquals("", CsvWriter.cell(Double.NaN), "NaN is an empty cell");
		assertEquals("0", CsvWriter.cell(-0.0), "negative zero");
		assertEquals("245", CsvWriter.cell(200 * (0.7 * 0.7 * 2.5)), "binary rounding dropped");
		assertEquals("33.0590862", CsvWriter.cell(33.0590862), "digits kept");
	}

	@Test
	void textQuotedWhenNeeded() {
		assertEquals("lesion", CsvWriter.cell("lesion"), "plain text");
		assertEquals("\"a,b\"", CsvWriter.cell("a,b"), "comma");
		assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""), "doubled quotes");
		assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"), "line break");
		assertEquals("\" pad\"", CsvWriter.cell(" pad"), "leading blank");
	}

	@Test
	void writesUtf8HeadersAndRows(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("table.csv");
		CsvWriter.write(Arrays.asList("Region", "Volume (mm³)"), Collections.singletonList(
			Arrays.asList("liver", 1062450.0)), file);

		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		assertEquals("Region,Volume (mm³)\nliver,1062450\n", text, "file content");
		try (Stream<Path> files = Files.list(folder)) {
			assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
				"no temporary file left");
		}
	}

	@Test
	void tableGetsDefaultPermissions(@TempDir Path folder) throws IOException {
		assumeTrue(Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null,
			"POSIX permissions are not supported here");
		Path plain = Files.write(folder.resolve("plain.txt"), new byte[] { 'x' });
		Path table = folder.resolve("table.csv");

		CsvWriter.write(Collections.singletonList("Region"), Collections.emptyList(), table);

		// Files.createTempFile would give 0600, which hides the table from other users.
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(table),
			"same permissions as a plain new file in the folder");
	}

	@Test
	void missingFolderIsNamed(@TempDir Path folder) {
		Path missing = folder.resolve("missing");
		NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> CsvWriter.write(
			Collections.singletonList("Region"), Collections.emptyList(), missing.resolve(
				"table.csv")));

		assertEquals(missing.toString() + ": folder not found", e.getMessage(), "message");
		assertTrue(Files.notExists(missing), "folder not created");
	}

	@Test
	void rowOfWrongLengthIsRejected() {
		List<List<Object>> rows = Collections.singletonList(Collections.singletonList("x"));
		assertThrows(IllegalArgumentException.class, () -> CsvWriter.toCsv(Arrays.asList("a",
			"b"), rows));
	}
}
