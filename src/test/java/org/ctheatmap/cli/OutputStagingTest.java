package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.ctheatmap.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputStagingTest {

	private static final List<String> NAMES = Arrays.asList("a.txt", "b.txt");

	@Test
	void commitMovesAllFiles(@TempDir Path root) throws IOException {
		Path out = root.resolve("new/out");
		try (OutputStaging staging = OutputStaging.begin(out, NAMES, false, Collections
			.emptyList()))
		{
			assertFalse(Files.exists(root.resolve("new")), "Output parents before the commit");
			write(staging.stagedFile("a.txt"), "A");
			write(staging.stagedFile("b.txt"), "B");
			staging.commit();
		}
		assertEquals("A", read(out.resolve("a.txt")), "Content of a.txt");
		assertEquals("B", read(out.resolve("b.txt")), "Content of b.txt");
		assertEquals(1, count(root), "Only the new folder is left in the root");
	}

	@Test
	void failureLeavesNothing(@TempDir Path root) throws IOException {
		Path out = root.resolve("out");
		try (OutputStaging staging = OutputStaging.begin(out, NAMES, false, Collections
			.emptyList()))
		{
			write(staging.stagedFile("a.txt"), "A");
			assertThrows(IOException.class, staging::commit, "Commit with b.txt missing");
		}
		assertFalse(Files.exists(out), "Output folder after a failed run");
		assertEquals(0, count(root), "Files left in the root");
	}

	@Test
	void existingOutputNeedsOverwrite(@TempDir Path root) throws IOException {
		Path out = Files.createDirectories(root.resolve("out"));
		write(out.resolve("b.txt"), "old");
		InvalidInputException error = assertThrows(InvalidInputException.class,
			() -> OutputStaging.begin(out, NAMES, false, Collections.emptyList()),
			"Existing output without overwrite");
		assertTrue(error.getMessage().contains("--overwrite"), "Message names the option: " +
			error.getMessage());
		assertEquals("old", read(out.resolve("b.txt")), "Existing output untouched");
		try (OutputStaging staging = OutputStaging.begin(out, NAMES, true, Collections
			.emptyList()))
		{
			write(staging.stagedFile("a.txt"), "A");
			write(staging.stagedFile("b.txt"), "new");
			staging.commit();
		}
		assertEquals("new", read(out.resolve("b.txt")), "Output replaced with overwrite");
	}

	@Test
	void inputIsNeverReplaced(@TempDir Path root) throws IOException {
		Path input = root.resolve("a.txt");
		write(input, "input");
		InvalidInputException error = assertThrows(InvalidInputException.class,
			() -> OutputStaging.begin(root, NAMES, true, Collections.singletonList(input)),
			"Output that is the input");
		assertTrue(error.getMessage().contains("input"), "Message: " + error.getMessage());
		assertEquals("input", read(input), "Input untouched");
	}

	@Test
	void folderOutputReplacesOldFolder(@TempDir Path root) throws IOException {
		Path out = Files.createDirectories(root.resolve("out"));
		Files.createDirectories(out.resolve("series"));
		write(out.resolve("series").resolve("old.dcm"), "old");
		List<String> names = Collections.singletonList("series");
		try (OutputStaging staging = OutputStaging.begin(out, names, true, Collections
			.emptyList()))
		{
			Path series = Files.createDirectories(staging.stagedFile("series"));
			write(series.resolve("new.dcm"), "new");
			staging.commit();
		}
		assertFalse(Files.exists(out.resolve("series").resolve("old.dcm")), "Old file removed");
		assertEquals("new", read(out.resolve("series").resolve("new.dcm")), "New file in place");
		assertEquals(1, count(root), "No staging folder left in the root");
	}

	@Test
	void fileAsOutputFolderIsRejected(@TempDir Path root) throws IOException {
		Path file = root.resolve("file");
		write(file, "x");
		assertThrows(InvalidInputException.class, () -> OutputStaging.begin(file, NAMES, false,
			Collections.emptyList()), "Output folder that is a file");
	}

	private static void write(Path file, String text) throws IOException {
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	private static long count(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}
}
