package org.ctheatmap.io.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Generates DICOM UIDs. */
public final class DicomUids {

	private DicomUids() {}

	/**
	 * Returns a new UID "2.25." followed by a random UUID as an unsigned
	 * decimal number (DICOM PS3.5 Annex B.2); at most 44 characters.
	 */
	public static String generate() {
		UUID uuid = UUID.randomUUID();
		byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid
			.getLeastSignificantBits()).array();
		return "2.25." + new BigInteger(1, bytes);
	}
}
