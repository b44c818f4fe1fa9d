package org.ctheatmap.io.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uncompressed DICOM transfer syntaxes, which this package reads and
 * writes. Names and UIDs are those of DICOM PS3.6 Annex A.
 * <p>
 * Every other syntax is rejected when pixels are read. {@link #nameOf(String)}
 * returns the standard names of the compressed ones, for error messages.
 */
public enum DicomTransferSyntax {

	IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false),
	EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false),
	EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true);

	/** UID of Deflated Explicit VR Little Endian, whose data set is zlib-compressed. */
	static final String DEFLATED_UID = "1.2.840.10008.1.2.1.99";

	private static final Map<String, String> OTHER_NAMES = new LinkedHashMap<>();

	static {
		other("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian");
		other(DEFLATED_UID, "Deflated Explicit VR Little Endian");
		other("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
		other("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
		other("1.2.840.10008.1.2.4.53",
			"JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)");
		other("1.2.840.10008.1.2.4.55",
			"JPEG Full Progression, Non-Hierarchical (Process 10 & 12)");
		other("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
		other("1.2.840.10008.1.2.4.70",
			"JPEG Lossless, Non-Hierarchical, First-Order Prediction" +
				" (Process 14 [Selection Value 1])");
		other("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression");
		other("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression");
		other("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
		other("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");
		other("1.2.840.10008.1.2.4.92",
			"JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)");
		other("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression");
		other("1.2.840.10008.1.2.4.94", "JPIP Referenced");
		other("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate");
		other("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level");
		other("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level");
		other("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1");
		other("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
		other("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1");
		other("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1");
		other("1.2.840.10008.1.2.4.110", "JPEG XL Lossless");
		other("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression");
		other("1.2.840.10008.1.2.4.112", "JPEG XL");
		other("1.2.840.10008.1.2.4.201",
			"High-Throughput JPEG 2000 Image Compression (Lossless Only)");
		other("1.2.840.10008.1.2.4.202",
			"High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)");
		other("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression");
		other("1.2.840.10008.1.2.5", "RLE Lossless");
	}

	private final String uid;
	private final String displayName;
	private final boolean explicitVr;
	private final boolean bigEndian;

	DicomTransferSyntax(String uid, String displayName, boolean explicitVr, boolean bigEndian) {
		this.uid = uid;
		this.displayName = displayName;
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
	}

	private static void other(String uid, String name) {
		OTHER_NAMES.put(uid, name);
	}

	public String uid() {
		return uid;
	}

	/** Returns the standard name, e.g. "Explicit VR Little Endian". */
	public String displayName() {
		return displayName;
	}

	/** Returns whether each element header carries its value representation. */
	public boolean explicitVr() {
		return explicitVr;
	}

	public boolean bigEndian() {
		return bigEndian;
	}

	/** Returns the syntax with this UID, or null if it is not one of the three. */
	public static DicomTransferSyntax fromUid(String uid) {
		for (DicomTransferSyntax syntax : values()) {
			if (syntax.uid.equals(uid)) return syntax;
		}
		return null;
	}

	/**
	 * Returns the standard name of any transfer syntax UID, or null when the
	 * UID is not in the table (private or newer syntaxes).
	 */
	public static String nameOf(String uid) {
		DicomTransferSyntax syntax = fromUid(uid);
		return syntax != null ? syntax.displayName : OTHER_NAMES.get(uid);
	}

	/**
	 * Returns whether a data set in this syntax is encoded as Explicit VR
	 * Little Endian with encapsulated (compressed) Pixel Data, so the header
	 * can be read even though the pixels cannot.
	 */
	static boolean isEncapsulated(String uid) {
		return OTHER_NAMES.containsKey(uid) && !DEFLATED_UID.equals(uid);
	}

	/**
	 * Returns the message for a syntax this package cannot decode, naming it
	 * by name and UID.
	 */
	static String unsupportedMessage(String uid) {
		String name = nameOf(uid);
		if (name == null) {
			return "unknown transfer syntax " + uid + " is not supported";
		}
		return "compressed transfer syntax " + name + " (" + uid + ") is not supported yet;" +
			" convert the file to Explicit VR Little Endian first, e.g. with 'gdcmconv --raw'";
	}
}
