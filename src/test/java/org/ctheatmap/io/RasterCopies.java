package org.ctheatmap.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Copies the voxel bytes of a NIfTI-1 file with an sform into NRRD and
 * MetaImage files of the same grid, so that the readers of the three formats
 * can be compared on real data. It parses the NIfTI header fields it needs
 * with plain ByteBuffer reads and shares no code with the readers.
 */
final class RasterCopies {

	final int[] size = new int[3];
	/** NRRD type name and MetaImage element type of the NIfTI datatype. */
	final String nrrdType;
	final String metaType;
	/** Voxel-to-RAS affine from the sform, 3 rows of 4, as float values widened to double. */
	final double[][] ras = new double[3][4];
	/** Voxel bytes in little-endian order, i fastest. */
	final byte[] data;

	/** Reads a little-endian NIfTI-1 .nii or .nii.gz file with sform_code above 0. */
	RasterCopies(Path nifti) throws IOException {
		byte[] bytes;
		try (InputStream in = nifti.toString().endsWith(".gz") ? new GZIPInputStream(Files
			.newInputStream(nifti)) : Files.newInputStream(nifti))
		{
			bytes = in.readAllBytes();
		}
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (b.getInt(0) != 348 || b.getShort(254) <= 0) {
			throw new IllegalArgumentException("Not a little-endian NIfTI-1 file with sform: " +
				nifti);
		}
		for (int a = 0; a < 3; a++) {
			size[a] = b.getShort(42 + 2 * a);
			for (int c = 0; c < 4; c++) {
				ras[a][c] = b.getFloat(280 + 16 * a + 4 * c);
			}
		}
		int datatype = b.getShort(70);
		if (datatype == 4) {
			nrrdType = "short";
			metaType = "MET_SHORT";
		} else if (datatype == 2) {
			nrrdType = "uchar";
			metaType = "MET_UCHAR";
		} else {
			throw new IllegalArgumentException("Unsupported NIfTI datatype " + datatype);
		}
		int offset = (int) b.getFloat(108);
		int length = size[0] * size[1] * size[2] * (datatype == 4 ? 2 : 1);
		data = Arrays.copyOfRange(bytes, offset, offset + length);
	}

	/** Writes an attached NRRD in RAS space, gzip or raw. */
	Path writeNrrd(Path file, boolean gzip) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(nrrdHeader(gzip ? "gzip" : "raw", null).getBytes(StandardCharsets.US_ASCII));
		out.write(gzip ? gzip(data) : data);
		return Files.write(file, out.toByteArray());
	}

	/** Writes a detached NRRD header and a raw data file beside it. */
	Path writeNhdr(Path file, String dataName) throws IOException {
		Files.write(file.resolveSibling(dataName), data);
		return Files.write(file, nrrdHeader("raw", dataName).getBytes(StandardCharsets.US_ASCII));
	}

	/** Writes a MetaImage with LPS positions: local zlib data, or a separate raw file. */
	Path writeMetaImage(Path file, String dataName) throws IOException {
		boolean local = dataName == null;
		double[][] lps = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) {
				lps[r][c] = (r < 2 ? -1 : 1) * ras[r][c];
			}
		}
		StringBuilder h = new StringBuilder("ObjectType = Image\nNDims = 3\n");
		h.append("BinaryData = True\nBinaryDataByteOrderMSB = False\n");
		h.append("CompressedData = ").append(local ? "True" : "False").append('\n');

		h.append("TransformMatrix =");
		double[] spacing = new double[3];
		for (int c = 0; c < 3; c++) {
			spacing[c] = Math.sqrt(lps[0][c] * lps[0][c] + lps[1][c] * lps[1][c] + lps[2][c] *
				lps[2][c]);
			for (int r = 0; r < 3; r++) {
				h.append(' ').append(lps[r][c] / spacing[c]);
			}
		}
		h.append("\nOffset = ").append(lps[0][3]).append(' ').append(lps[1][3]).append(' ')
			.append(lps[2][3]).append('\n');
		h.append("AnatomicalOrientation = RAI\n");
		h.append(String.format(Locale.ROOT, "ElementSpacing = %s %s %s%n", spacing[0], spacing[1],
			spacing[2]));
		h.append("DimSize = ").append(size[0]).append(' ').append(size[1]).append(' ').append(
			size[2]).append('\n');
		h.append("ElementType = ").append(metaType).append('\n');
		h.append("ElementDataFile = ").append(local ? "LOCAL" : dataName).append('\n');

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
		if (local) {
			out.write(zlib(data));
		} else {
			Files.write(file.resolveSibling(dataName), data);
		}
		return Files.write(file, out.toByteArray());
	}

	private String nrrdHeader(String encoding, String dataFile) {
		StringBuilder h = new StringBuilder("NRRD0004\n");
		h.append("type: ").append(nrrdType).append('\n');
		h.append("dimension: 3\nspace: right-anterior-superior\n");
		h.append("sizes: ").append(size[0]).append(' ').append(size[1]).append(' ').append(
			size[2]).append('\n');
		h.append("space directions:");
		for (int c = 0; c < 3; c++) {
			h.append(" (").append(ras[0][c]).append(',').append(ras[1][c]).append(',').append(
				ras[2][c]).append(')');
		}
		h.append("\nkinds: domain domain domain\nendian: little\n");
		h.append("encoding: ").append(encoding).append('\n');
		h.append("space origin: (").append(ras[0][3]).append(',').append(ras[1][3]).append(',')
			.append(ras[2][3]).append(")\n");
		if (dataFile != null) return h.append("data file: ").append(dataFile).append('\n')
			.toString();
		return h.append('\n').toString();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream z = new GZIPOutputStream(out)) {
			z.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] zlib(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream z = new DeflaterOutputStream(out)) {
			z.write(bytes);
		}
		return out.toByteArray();
	}
}
