package org.ctheatmap.io.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DICOM transfer syntaxes this package can read. Names and UIDs are those
 * of DICOM PS3.6 Annex A.
 * <p>
 * The three uncompressed syntaxes are read and written. Deflated Explicit VR
 * Little Endian and RLE Lossless are read and written. The JPEG, JPEG-LS and
 * JPEG 2000 syntaxes are read only. Every other syntax is rejected when pixels are read;
 * {@link #nameOf(String)} returns the standard names of the known ones, for
 * error messages.
 */
public enum DicomTransferSyntax {

	IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false,
		Compression.NONE),
	EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false,
		Compression.NONE),
	EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true,
		Compression.NONE),
	/** Explicit VR Little Endian whose data set, after the File Meta Information, is deflated. */
	DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99",
		"Deflated Explicit VR Little Endian", true, false, Compression.DEFLATE),
	RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", true, false, Compression.RLE),
	JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false,
		Compression.JPEG),
	JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false,
		Compression.JPEG),
	JPEG_SPECTRAL_SELECTION("1.2.840.10008.1.2.4.53",
		"JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)", true, false,
		Compression.JPEG),
	JPEG_FULL_PROGRESSION("1.2.840.10008.1.2.4.55",
		"JPEG Full Progression, Non-Hierarchical (Process 10 & 12)", true, false,
		Compression.JPEG),
	JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true,
		false, Compression.JPEG),
	JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order" +
		" Prediction (Process 14 [Selection Value 1])", true, false, Compression.JPEG),
	JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false,
		Compression.JPEG_LS),
	JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81",
		"JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, Compression.JPEG_LS),
	JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)",
		true, false, Compression.JPEG_2000),
	JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, false,
		Compression.JPEG_2000);

	/** Compression of the pixel data, or for {@link #DEFLATE} of the whole data set. */
	enum Compression {
		/** Native pixel data. */
		NONE,
		/** The data set is a raw deflate stream (RFC 1951); the pixels in it are native. */
		DEFLATE,
		/** Encapsulated fragments, one RLE Lossless segment set per frame (PS3.5 Annex G). */
		RLE,
		/** Encapsulated ISO 10918-1 codestreams: DCT sequential or progressive, or lossless. */
		JPEG,
		/** Encapsulated ITU-T T.87 (ISO 14495-1) codestreams. */
		JPEG_LS,
		/** Encapsulated ISO 15444-1 codestreams. */
		JPEG_2000;

		/** Returns whether Pixel Data contains fragments rather than native samples. */
		boolean encapsulated() {
			return this == RLE || this == JPEG || this == JPEG_LS || this == JPEG_2000;
		}
	}

	private static final Map<String, String> OTHER_NAMES = new LinkedHashMap<>();

	static {
		other("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian");
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
	}

	private final String uid;
	private final String displayName;
	private final boolean explicitVr;
	private final boolean bigEndian;
	private final Compression compression;

	DicomTransferSyntax(String uid, String displayName, boolean explicitVr, boolean bigEndian,
		Compression compression)
	{
		this.uid = uid;
		this.displayName = displayName;
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
		this.compression = compression;
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

	Compression compression() {
		return compression;
	}

	/** Returns whether {@link DicomSeriesWriter} can encode this syntax; JPEG ones it cannot. */
	public boolean writable() {
		return compression == Compression.NONE || compression == Compression.DEFLATE ||
			compression == Compression.RLE;
	}

	/** Returns the syntax with this UID, or null if this package cannot decode it. */
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
	 * can be read even though this package cannot decode the pixels.
	 */
	static boolean isUndecodableEncapsulated(String uid) {
		return OTHER_NAMES.containsKey(uid);
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
			" convert the file to Explicit VR Little Endian first, e.g. with 'gdcmconv --raw'" +
			" (GDCM) or 'dcmdjpeg' / 'dcmdjpls' (DCMTK)";
	}
}
