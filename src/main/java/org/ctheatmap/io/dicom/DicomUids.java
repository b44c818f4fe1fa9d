package org.ctheatmap.io.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Generates DICOM UIDs. */
public final class DicomUids {

	/** Maximum length of a UID, DICOM PS3.5 section 9.1. */
	public static final int MAX_LENGTH = 64;

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

	/**
	 * Returns "parent.number", a UID under the given one, or a new random UID
	 * when that would exceed the 64 characters DICOM allows.
	 *
	 * @param number a positive component, e.g. an Instance Number
	 */
	public static String child(String parent, int number) {
		String uid = parent + "." + number;
		return uid.length() <= MAX_LENGTH ? uid : generate();
	}
}
