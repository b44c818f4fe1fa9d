package org.ctheatmap.io.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every reader, through {@link CtReaders#open}, over the damaged inputs
 * of {@link BadInputCorpus}: each must fail with an
 * {@link InvalidInputException} whose message starts with the failing file
 * (or folder) and names the problem, or, for decompression bombs, read the
 * declared grid and stop there. No case may hang or run out of memory.
 */
class BadInputCorpusTest {

	/** Every case reads a few kB; a case that takes longer is hanging. */
	private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

	private static final String WARNING = "warning:";

	@TempDir
	static Path root;

	@TestFactory
	Stream<DynamicTest> everyReaderRejectsBadInput() throws IOException {
		List<BadInputCorpus.Case> cases = BadInputCorpus.write(root);
		return cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
	}

	private static void check(BadInputCorpus.Case c) {
		Throwable thrown = assertTimeoutPreemptively(TIME_LIMIT, () -> {
			try {
				CtVolume volume = CtReaders.open(c.input, ReadOptions.DEFAULT);
				if (c.problem == null || c.problem.startsWith(WARNING)) assertSeedGrid(c, volume);
				if (c.problem != null && c.problem.startsWith(WARNING)) {
					String text = c.problem.substring(WARNING.length());
					assertTrue(volume.warnings().stream().anyMatch(w -> w.contains(text)), c.name +
						": a warning names " + text + ": " + volume.warnings());
				}
				return null;
			} catch (IOException | RuntimeException | Error e) {
				return e;
			}
		}, c.name + " must finish in time");
		if (c.problem == null || c.problem.startsWith(WARNING)) {
			if (thrown != null) fail(c.name + " must read the declared data", thrown);
			return;
		}
		if (thrown == null) fail(c.name + " was read without error");
		if (!(thrown instanceof InvalidInputException)) {
			fail(c.name + " must raise InvalidInputException, not " + thrown, thrown);
		}
		String message = thrown.getMessage();
		assertTrue(message.startsWith(c.folder.toString()), c.name +
			": the message starts with the failing path: " + message);
		List<String> texts = Stream.of(c.problem.split("\\|")).collect(Collectors.toList());
		assertTrue(texts.stream().anyMatch(message::contains), c.name + ": the message names " +
			texts + ": " + message);
	}

	private static void assertSeedGrid(BadInputCorpus.Case c, CtVolume v) {
		assertEquals(SeedFiles.WIDTH, v.width(), c.name + " width");
		assertEquals(SeedFiles.HEIGHT, v.height(), c.name + " height");
		// A single DICOM file contains one slice of the seed.
		int depth = c.input.toString().endsWith(".dcm") ? 1 : SeedFiles.DEPTH;
		assertEquals(depth, v.depth(), c.name + " slices");
		float[] first = (float[]) SeedFiles.volume().image().getStack().getPixels(1);
		float[] read = (float[]) v.image().getStack().getPixels(1);
		assertEquals(first[7], read[7], 0, c.name + " HU of voxel (1, 1, 0)");
	}
}
