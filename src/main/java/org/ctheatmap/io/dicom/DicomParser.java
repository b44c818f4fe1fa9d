package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ctheatmap.io.InvalidInputException;

/**
 * Reads the header of a DICOM Part 10 file (128-byte preamble, "DICM", File
 * Meta Information) or of a file without preamble that starts directly with a
 * group 0002 or 0008 element, as some older scanners write.
 * <p>
 * Parsing stops at the top-level Pixel Data element, whose offset and length
 * are recorded but not read. Only the attributes listed in {@link DicomTag}
 * are stored; every other element is skipped by seeking past it. Nested
 * sequences are skipped too, except the Shared and Per-frame Functional
 * Groups of multi-frame images: the kept attributes in the items of their
 * macro sequences (Plane Position, Pixel Measures, ...) are stored per frame.
 * Each length is checked against the file length before it is used, so a
 * corrupt or truncated file raises an {@link InvalidInputException} naming the
 * file and the offset. A deflated data set is inflated while it is parsed, up
 * to the Pixel Data.
 */
final class DicomParser {

	/** Length value meaning "undefined length, ends with a delimiter". */
	static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

	/** Largest stored value; the kept attributes are short strings or numbers. */
	static final int MAX_KEPT_VALUE_BYTES = 64 * 1024;

	/** Deepest sequence nesting accepted; real files rarely go beyond 5 levels. */
	static final int MAX_NESTING = 32;

	/** Largest Number of Frames accepted; it bounds the per-frame header memory. */
	static final int MAX_FRAMES = 100_000;

	private static final int PREAMBLE_BYTES = 128;

	/** Explicit VRs followed by 2 reserved bytes and a 4-byte length (PS3.5 7.1.2). */
	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ",
		"SV", "UC", "UN", "UR", "UT", "UV");

	private static final Set<String> ALL_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT",
		"FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ",
		"SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

	/** The file, or after the File Meta Information of a deflated file, the inflated data set. */
	DicomInput in;
	private final Map<Integer, RawValue> keptValues = new HashMap<>();
	private final FunctionalGroupsReader groups = new FunctionalGroupsReader(this);
	private String transferSyntaxUid;
	private String transferSyntaxName;
	private String pixelDataVr;
	private long deflatedStart = -1;

	/** Tag, VR and value length of the element whose header was read last. */
	int tag;
	String vr;
	long length;

	private DicomParser(DicomInput in) {
		this.in = in;
	}

	/**
	 * Returns whether a file starts like DICOM: "DICM" after a 128-byte preamble,
	 * or a plausible group 0002 or 0008 element at offset 0. Reads at most 132
	 * bytes.
	 *
	 * @throws IOException only if the file cannot be opened or read
	 */
	static boolean isDicom(Path file) throws IOException {
		try (DicomInput probe = DicomInput.open(file)) {
			return looksLikeDicom(probe);
		}
	}

	/**
	 * Parses the header of a file that starts like DICOM, as {@link #parse}
	 * does, opening the file once; returns null for any other file.
	 *
	 * @throws InvalidInputException as {@link #parse}
	 */
	static DicomHeader parseIfDicom(Path file) throws IOException {
		try (DicomInput in = DicomInput.open(file)) {
			if (!looksLikeDicom(in)) return null;
			in.seek(0);
			DicomParser parser = new DicomParser(in);
			try {
				return parser.run();
			} finally {
				if (parser.in != in) parser.in.close();
			}
		}
	}

	/** Applies the test of {@link #isDicom} to the first bytes of an open file. */
	private static boolean looksLikeDicom(DicomInput probe) throws IOException {
		if (probe.size() < 8) return false;
		byte[] head = probe.bytes((int) Math.min(PREAMBLE_BYTES + 4, probe.size()));
		if (head.length == PREAMBLE_BYTES + 4 && hasMagic(head)) return true;
		boolean groupStart = head[1] == 0 && (head[0] == 0x02 || head[0] == 0x08);
		return groupStart && (isVr(head[4], head[5]) || implicitLength(head) <= probe.size());
	}

	/**
	 * Parses the header of a file up to its Pixel Data.
	 *
	 * @throws InvalidInputException if the file is not DICOM, is truncated or
	 *           corrupt, uses an unknown transfer syntax, or is a multi-frame
	 *           image whose functional groups do not give one item per frame
	 */
	static DicomHeader parse(Path file) throws IOException {
		try (DicomInput in = DicomInput.open(file)) {
			DicomParser parser = new DicomParser(in);
			try {
				return parser.run();
			} finally {
				if (parser.in != in) parser.in.close();
			}
		}
	}

	private DicomHeader run() throws IOException {
		in.order(ByteOrder.LITTLE_ENDIAN);
		byte[] head = in.bytes((int) Math.min(PREAMBLE_BYTES + 4, in.size()));
		long start = head.length == PREAMBLE_BYTES + 4 && hasMagic(head) ? PREAMBLE_BYTES + 4 : 0;
		in.seek(start);
		if (start == 0 && (head.length < 8 || head[1] != 0 || (head[0] != 2 && head[0] != 8))) {
			throw new InvalidInputException(in.file(), "not a DICOM file: no 'DICM' at offset 128" +
				" and no group 0002 or 0008 element at offset 0");
		}
		readFileMetaInformation();
		boolean explicitVr = resolveTransferSyntax();
		if (DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid().equals(
			transferSyntaxUid))
		{
			deflatedStart = in.position();
			in = DicomInput.openInflated(in.file(), deflatedStart);
			in.order(ByteOrder.LITTLE_ENDIAN);
		}
		long[] pixelData = readDataSet(explicitVr);
		PixelDataLocation location = new PixelDataLocation(pixelData[0], pixelData[1],
			pixelDataVr, deflatedStart);
		return FrameHeaders.build(in.file(), transferSyntaxUid, keptValues, groups.shared,
			groups.perFrame, location);
	}

	/** Reads the group 0002 elements, which are always Explicit VR Little Endian. */
	private void readFileMetaInformation() throws IOException {
		while (in.remaining() >= 8 && peekGroup() == 0x0002) {
			readElementHeader(true);
			keepOrSkip(true);
		}
	}

	/** Sets the transfer syntax and byte order; returns whether VRs are explicit. */
	private boolean resolveTransferSyntax() throws IOException {
		RawValue uid = keptValues.get(DicomTag.TRANSFER_SYNTAX_UID);
		transferSyntaxUid = uid == null ? guessTransferSyntax() : uid.text().trim();
		transferSyntaxName = DicomTransferSyntax.nameOf(transferSyntaxUid);
		DicomTransferSyntax syntax = DicomTransferSyntax.fromUid(transferSyntaxUid);
		if (syntax == null && !DicomTransferSyntax.isUndecodableEncapsulated(transferSyntaxUid)) {
			throw new InvalidInputException(in.file(), DicomTransferSyntax.unsupportedMessage(
				transferSyntaxUid));
		}
		// Encapsulated syntaxes encode the data set as Explicit VR Little Endian.
		boolean bigEndian = syntax != null && syntax.bigEndian();
		in.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		return syntax == null || syntax.explicitVr();
	}

	/** Guesses Explicit or Implicit VR Little Endian from the first data set element. */
	private String guessTransferSyntax() throws IOException {
		if (in.remaining() < 6) return DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
		long start = in.position();
		in.skip(4);
		boolean explicit = isVr((byte) in.u8(), (byte) in.u8());
		in.seek(start);
		return explicit ? DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
			: DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
	}

	/** Reads top-level elements up to Pixel Data; returns its offset and length, or -1s. */
	private long[] readDataSet(boolean explicitVr) throws IOException {
		while (!in.atEnd()) {
			readElementHeader(explicitVr);
			if (tag == DicomTag.PIXEL_DATA) {
				return pixelData();
			}
			if (tag >>> 16 == 0xFFFE) {
				throw corrupt("unexpected " + DicomTag.toString(tag) + " outside a sequence");
			}
			if (isFunctionalGroups() && "SQ".equals(vr)) {
				groups.read(explicitVr);
			} else {
				keepOrSkip(explicitVr);
			}
		}
		return new long[] { -1, -1 };
	}

	private boolean isFunctionalGroups() {
		return tag == DicomTag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE ||
			tag == DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE;
	}

	private long[] pixelData() throws IOException {
		pixelDataVr = vr;
		if (length == UNDEFINED_LENGTH) {
			return new long[] { in.position(), -1 };
		}
		// readElementHeader has checked the length against the file size.
		return new long[] { in.position(), length };
	}

	/** Stores the current element's value if its tag is kept, else skips it. */
	private void keepOrSkip(boolean explicitVr) throws IOException {
		if (length == UNDEFINED_LENGTH) {
			skipUndefinedLength(explicitVr, 1);
		} else if (DicomTag.isKept(tag) && !"SQ".equals(vr)) {
			if (length > MAX_KEPT_VALUE_BYTES) {
				throw corrupt(DicomTag.describe(tag) + " has a " + length + "-byte value, more" +
					" than the maximum of " + MAX_KEPT_VALUE_BYTES);
			}
			keptValues.put(tag, new RawValue(tag, vr, in.bytes((int) length), in.order()));
		} else {
			in.skip(length);
		}
	}

	/**
	 * Skips an undefined-length element: a sequence, or UN whose content is
	 * Implicit VR Little Endian (PS3.5 6.2.2).
	 */
	void skipUndefinedLength(boolean explicitVr, int depth) throws IOException {
		boolean sequence = "SQ".equals(vr) || !explicitVr;
		if (!sequence && !"UN".equals(vr)) {
			throw corrupt(DicomTag.toString(tag) + " with VR " + vr + " has undefined length");
		}
		ByteOrder order = in.order();
		if (!sequence) in.order(ByteOrder.LITTLE_ENDIAN);
		skipSequence(sequence && explicitVr, depth);
		in.order(order);
	}

	/** Skips the items of an undefined-length sequence up to its delimiter. */
	private void skipSequence(boolean explicitVr, int depth) throws IOException {
		if (depth > MAX_NESTING) {
			throw corrupt("sequences are nested deeper than " + MAX_NESTING + " levels");
		}
		while (true) {
			readElementHeader(false);
			if (tag == DicomTag.SEQUENCE_DELIMITATION) return;
			if (tag != DicomTag.ITEM) {
				throw corrupt("expected an Item (FFFE,E000) in a sequence, found " + DicomTag
					.toString(tag));
			}
			if (length == UNDEFINED_LENGTH) {
				skipItem(explicitVr, depth);
			} else {
				in.skip(length);
			}
		}
	}

	/** Skips the elements of an undefined-length item up to its delimiter. */
	private void skipItem(boolean explicitVr, int depth) throws IOException {
		while (true) {
			readElementHeader(explicitVr);
			if (tag == DicomTag.ITEM_DELIMITATION) return;
			if (tag >>> 16 == 0xFFFE) {
				throw corrupt("unexpected " + DicomTag.toString(tag) + " inside an item");
			}
			if (length == UNDEFINED_LENGTH) {
				skipUndefinedLength(explicitVr, depth + 1);
			} else {
				in.skip(length);
			}
		}
	}

	/** Reads tag, VR and length of the next element into the fields. */
	void readElementHeader(boolean explicitVr) throws IOException {
		long start = in.position();
		in.context("the element at offset " + start);
		tag = in.u16() << 16 | in.u16();
		in.context("element " + DicomTag.toString(tag) + " at offset " + start);
		if (tag >>> 16 == 0xFFFE) {
			vr = null;
			length = in.u32();
		} else if (explicitVr) {
			byte first = (byte) in.u8();
			byte second = (byte) in.u8();
			if (!isVr(first, second)) {
				throw corrupt(String.format(Locale.ROOT, "invalid value representation bytes" +
					" 0x%02X 0x%02X in element %s at offset %d; the file is corrupt or not" +
					" encoded in its declared transfer syntax %s", first, second, DicomTag.toString(
						tag), start, transferSyntaxName == null ? "" : transferSyntaxName));
			}
			vr = new String(new char[] { (char) first, (char) second });
			if (LONG_VRS.contains(vr)) {
				in.skip(2);
				length = in.u32();
			} else {
				length = in.u16();
			}
		} else {
			vr = DicomTag.dictionaryVr(tag);
			length = in.u32();
		}
		if (length != UNDEFINED_LENGTH && length > in.remaining()) {
			throw new InvalidInputException(in.file(), "truncated or corrupt file: element " +
				DicomTag.toString(tag) + " at offset " + start + " declares " + length +
				" bytes but only " + in.remaining() + " remain");
		}
	}

	private int peekGroup() throws IOException {
		long start = in.position();
		int group = in.u16();
		in.seek(start);
		return group;
	}

	InvalidInputException corrupt(String problem) {
		return new InvalidInputException(in.file(), "corrupt file: " + problem);
	}

	private static boolean hasMagic(byte[] head) {
		return Arrays.equals(Arrays.copyOfRange(head, PREAMBLE_BYTES, PREAMBLE_BYTES + 4),
			new byte[] { 'D', 'I', 'C', 'M' });
	}

	private static boolean isVr(byte first, byte second) {
		return ALL_VRS.contains(new String(new char[] { (char) (first & 0xFF), (char) (second &
			0xFF) }));
	}

	/** Returns the 4-byte little-endian length at offset 4 of an implicit VR element. */
	private static long implicitLength(byte[] head) {
		return (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 |
			(head[7] & 0xFFL) << 24;
	}
}
