package org.ctheatmap.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when an input file cannot be read as CT: corrupt, truncated,
 * unsupported or inconsistent. The message starts with the file name, so a
 * command line can print it as a one-line error.
 */
public class InvalidInputException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	public InvalidInputException(Path file, String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public InvalidInputException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	/** Returns the file that failed, as given by the caller. */
	public Path file() {
		return file;
	}
}
