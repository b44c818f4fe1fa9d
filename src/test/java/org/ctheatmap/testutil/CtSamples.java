package org.ctheatmap.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the real CT samples shared beside the project. Tests that use them
 * are skipped, not failed, when the folder is absent, as on a fresh clone.
 */
public final class CtSamples {

	private CtSamples() {}

	/**
	 * Returns the sample folder with the given name, e.g.
	 * "07_nifti_totalseg_example_ct_sm", or skips the calling test when the
	 * samples are not available.
	 */
	public static Path folder(String name) {
		String root = System.getProperty("ct.samples.dir", "../shared/ct-samples");
		Path folder = Paths.get(root, name);
		assumeTrue(Files.isDirectory(folder), "CT samples not found at " + folder);
		return folder;
	}
}
