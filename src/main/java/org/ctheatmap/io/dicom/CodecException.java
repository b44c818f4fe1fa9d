package org.ctheatmap.io.dicom;

/**
 * Thrown by the pixel codecs when a compressed frame is corrupt, truncated or
 * uses a feature they do not decode. The caller adds the file and frame.
 */
final class CodecException extends Exception {

	private static final long serialVersionUID = 1L;

	CodecException(String message) {
		super(message);
	}

	CodecException(String message, Throwable cause) {
		super(message, cause);
	}
}
