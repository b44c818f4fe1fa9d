package org.ctheatmap.io.badinput;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages the headers of valid files at random with a fixed seed and opens
 * each result through {@link CtReaders#open}. The readers may succeed or
 * raise an {@link IOException} (an {@link InvalidInputException} must name a
 * file in the test folder); any other exception or error, or a case slower
 * than {@link #CASE_LIMIT}, is a failure. The failures are listed with the
 * seed, the case number and the exception.
 */
class ReaderFuzzTest {

	/** Fixed, so a failing case can be replayed. */
	private static final long SEED = 20260117L;

	/** Mutated files per seed file; 7 raster seeds and 1 DICOM seed give 2400 cases. */
	private static final int CASES_PER_SEED = 300;

	/** A case reads a few kB; one that takes longer hangs somewhere. */
	private static final long CASE_LIMIT_MS = 5000;

	/** Both tests take about 20 s together on 2 busy cores; the margin is for a slower machine. */
	private static final Duration TOTAL_LIMIT = Duration.ofSeconds(120);

	/** Failures listed in the assertion message; the count covers all. */
	private static final int LISTED_FAILURES = 15;

	@TempDir
	Path dir;

	@Test
	void rasterHeadersRaiseOnlyIoExceptions() throws IOException {
		List<Seed> seeds = new ArrayList<>();
		byte[] nifti = Files.readAllBytes(SeedFiles.nifti(dir.resolve("seed.nii")));
		seeds.add(new Seed("nii", nifti, 352, false, false));
		seeds.add(new Seed("nii.gz", nifti, 352, false, true));
		String nrrd = SeedFiles.nrrdHeader("raw");
		seeds.add(new Seed("nrrd", Files.readAllBytes(SeedFiles.nrrd(dir.resolve("seed.nrrd"),
			false)), nrrd.length(), true, false));
		String gzipped = SeedFiles.nrrdHeader("gzip");
		seeds.add(new Seed("nrrd", Files.readAllBytes(SeedFiles.nrrd(dir.resolve("seedz.nrrd"),
			true)), gzipped.length(), true, false));
		Files.write(dir.resolve("seed.raw"), SeedFiles.shorts(ByteOrder.LITTLE_ENDIAN));
		byte[] nhdr = (nrrd.trim() + "\ndata file: seed.raw\n").getBytes(
			StandardCharsets.US_ASCII);
		seeds.add(new Seed("nhdr", nhdr, nhdr.length, true, false));
		String mha = SeedFiles.metaImageHeader(false);
		seeds.add(new Seed("mha", Files.readAllBytes(SeedFiles.metaImage(dir.resolve("seed.mha"),
			false)), mha.length(), true, false));
		String mhaz = SeedFiles.metaImageHeader(true);
		seeds.add(new Seed("mha", Files.readAllBytes(SeedFiles.metaImage(dir.resolve(
			"seedz.mha"), true)), mhaz.length(), true, false));
		List<String> failures = fuzz(seeds, 0);
		assertTrue(failures.isEmpty(), summary(failures));
	}

	@Test
	void dicomHeadersRaiseOnlyIoExceptions() throws IOException {
		byte[] dicom = Files.readAllBytes(SeedFiles.dicom(dir.resolve("dicom-seed")).get(0));
		int pixelData = DicomBytes.find(dicom, 0x7FE00010);
		List<Seed> seeds = new ArrayList<>();
		seeds.add(new Seed("dcm", dicom, pixelData + 12, false, false));
		List<String> failures = fuzz(seeds, 7);
		assertTrue(failures.isEmpty(), summary(failures));
	}

	/**
	 * Runs {@link #CASES_PER_SEED} mutations of each seed.
	 *
	 * @param firstSeedNumber added to the seed index in the random seed, so each
	 *          seed file gets its own sequence whichever test it is in
	 */
	private List<String> fuzz(List<Seed> seeds, int firstSeedNumber) {
		List<String> failures = new ArrayList<>();
		assertTimeoutPreemptively(TOTAL_LIMIT, () -> {
			for (int s = 0; s < seeds.size(); s++) {
				Seed seed = seeds.get(s);
				Random random = new Random(SEED + firstSeedNumber + s);
				HeaderMutator mutator = new HeaderMutator(random);
				for (int n = 0; n < CASES_PER_SEED; n++) {
					String label = "seed " + (firstSeedNumber + s) + " (" + seed.extension +
						") case " + n;
					Path file = dir.resolve("case." + seed.extension);
					Files.write(file, seed.mutate(mutator, random));
					String failure = open(file);
					if (failure != null) failures.add(label + ": " + failure);
				}
			}
		}, "the fuzz cases must finish in time");
		return failures;
	}

	/** Opens one file; returns null when the outcome is allowed, else what went wrong. */
	private String open(Path file) {
		long start = System.nanoTime();
		String failure = null;
		try {
			CtReaders.open(file, ReadOptions.DEFAULT);
		} catch (InvalidInputException e) {
			if (!e.getMessage().startsWith(dir.toString())) {
				failure = "message does not start with the file: " + e.getMessage();
			}
		} catch (IOException e) {
			// Allowed: the readers document IOException for other read failures.
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			failure = e.toString() + " at " + firstFrame(e);
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		if (failure == null && ms > CASE_LIMIT_MS) failure = "took " + ms + " ms";
		return failure;
	}

	private static String firstFrame(Throwable e) {
		StackTraceElement[] trace = e.getStackTrace();
		return trace.length == 0 ? "?" : trace[0].toString();
	}

	private static String summary(List<String> failures) {
		StringBuilder text = new StringBuilder(failures.size() + " cases failed:");
		for (int n = 0; n < Math.min(LISTED_FAILURES, failures.size()); n++) {
			text.append("\n  ").append(failures.get(n));
		}
		return text.toString();
	}

	/** A valid file to mutate and how its header is laid out. */
	private static final class Seed {

		final String extension;
		final byte[] bytes;
		final int headerLength;
		final boolean text;
		/** Mutate the uncompressed bytes, then gzip them (and sometimes damage the result). */
		final boolean gzip;

		Seed(String extension, byte[] bytes, int headerLength, boolean text, boolean gzip) {
			this.extension = extension;
			this.bytes = bytes;
			this.headerLength = headerLength;
			this.text = text;
			this.gzip = gzip;
		}

		byte[] mutate(HeaderMutator mutator, Random random) throws IOException {
			byte[] changed = mutator.mutate(bytes, headerLength, text);
			if (!gzip) return changed;
			byte[] packed = SeedFiles.gzip(changed);
			// Every fifth case also damages the compressed stream itself.
			return random.nextInt(5) == 0 ? mutator.mutate(packed, packed.length, false) : packed;
		}
	}
}
