package org.ctheatmap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CT formats this suite reads, recognised from a path by its name and,
 * for names without a known extension, by the first bytes of the file.
 */
public enum CtFormat {

	/** A folder, searched for DICOM files. */
	DICOM_FOLDER("DICOM folder"),
	DICOM("DICOM"),
	NIFTI("NIfTI"),
	NRRD("NRRD"),
	METAIMAGE("MetaImage"),
	TIFF("TIFF"),
	/** Neither a known extension nor a known signature. */
	UNKNOWN("unknown");

	private final String label;

	CtFormat(String label) {
		this.label = label;
	}

	@Override
	public String toString() {
		return label;
	}

	/**
	 * Recognises the format of an existing path. Extensions decide first: .nii,
	 * .nii.gz, .hdr, .img, .nrrd, .nhdr, .mha, .mhd, .tif, .tiff and .dcm. Other
	 * files are recognised by signature. DICOM has "DICM" at byte 128 or starts
	 * with group 0002 or 0008, NRRD starts with "NRRD0", NIfTI with a
	 * sizeof_hdr of 348 or 540, TIFF with a byte-order mark, and MetaImage with
	 * the key ObjectType or NDims.
	 *
	 * @throws IOException if the file cannot be read
	 */
	public static CtFormat of(Path input) throws IOException {
		if (Files.isDirectory(input)) return DICOM_FOLDER;
		String name = input.getFileName() == null ? "" : input.getFileName().toString()
			.toLowerCase(Locale.ROOT);
		if (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name
			.endsWith(".img") || name.endsWith(".hdr.gz") || name.endsWith(".img.gz")) {
			return NIFTI;
		}
		if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) return NRRD;
		if (name.endsWith(".mha") || name.endsWith(".mhd")) return METAIMAGE;
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return TIFF;
		if (name.endsWith(".dcm") || name.endsWith(".dicom")) return DICOM;
		return sniff(input);
	}

	private static CtFormat sniff(Path file) throws IOException {
		byte[] head = new byte[132];
		int count = 0;
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while (count < head.length && (n = in.read(head, count, head.length - count)) > 0) {
				count += n;
			}
		}
		String text = new String(head, 0, count, StandardCharsets.ISO_8859_1);
		if (count >= 132 && text.startsWith("DICM", 128)) return DICOM;
		if (text.startsWith("NRRD0")) return NRRD;
		if (text.startsWith("ObjectType") || text.startsWith("NDims")) return METAIMAGE;
		if (text.startsWith("II*\0") || text.startsWith("MM\0*")) return TIFF;
		if (count >= 4) {
			int little = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 |
				(head[3] & 0xff) << 24;
			int big = Integer.reverseBytes(little);
			if (little == 348 || little == 540 || big == 348 || big == 540) return NIFTI;
			// DICOM without preamble starts with a tag of group 0002 or 0008 in little-endian.
			boolean group = head[1] == 0 && (head[0] == 2 || head[0] == 8);
			if (group) return DICOM;
		}
		return UNKNOWN;
	}
}
