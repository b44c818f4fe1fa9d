package org.ctheatmap.batch;

import java.nio.file.Path;

/**
 * One study of a batch: a DICOM folder or a single image file, and the name
 * of its output folder. Instances are immutable.
 */
public final class Study {

	private final String name;
	private final Path input;

	/**
	 * @param name name of the study's output folder, unique within a batch
	 * @param input DICOM folder or image file, absolute
	 */
	public Study(String name, Path input) {
		this.name = name;
		this.input = input;
	}

	/** Returns the name of the study's output folder inside the batch output folder. */
	public String name() {
		return name;
	}

	/** Returns the absolute path of the DICOM folder or image file. */
	public Path input() {
		return input;
	}

	@Override
	public String toString() {
		return name + " (" + input + ")";
	}
}
