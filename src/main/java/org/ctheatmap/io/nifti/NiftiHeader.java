package org.ctheatmap.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.ctheatmap.io.InvalidInputException;

/**
 * The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header that the
 * reader uses, widened to long and double so both versions look the same.
 * Array indices follow the standard: {@code dim[0]} is the number of
 * dimensions, {@code dim[1..7]} the sizes; {@code pixdim[0]} is qfac,
 * {@code pixdim[1..7]} the grid spacings in the units of {@code xyztUnits}.
 */
final class NiftiHeader {

	static final int NIFTI1_SIZE = 348;
	static final int NIFTI2_SIZE = 540;

	/** 1 or 2. */
	final int version;
	final ByteOrder byteOrder;
	/** True for an .hdr/.img pair (magic "ni1" or "ni2"), false for one .nii file. */
	final boolean paired;
	final int datatype;
	final int bitpix;
	final long[] dim = new long[8];
	final double[] pixdim = new double[8];
	/** Byte offset of the voxel data in the .nii file, or in the .img file of a pair. */
	final long voxOffset;
	final double sclSlope;
	final double sclInter;
	final int xyztUnits;
	final int qformCode;
	final int sformCode;
	/** Quaternion parameters b, c, d. */
	final double[] quatern = new double[3];
	/** Quaternion offsets x, y, z in the spatial unit. */
	final double[] qoffset = new double[3];
	/** Rows srow_x, srow_y, srow_z of the sform, 4 values each. */
	final double[][] srow = new double[3][4];
	/** The descrip text up to its first NUL, control characters removed, trimmed. */
	final String description;

	private NiftiHeader(Path file, ByteBuffer b, int version) throws InvalidInputException {
		this.version = version;
		this.byteOrder = b.order();
		if (version == 1) {
			paired = pairedFromMagic(file, text(b, 344, 4), "n+1", "ni1");
			for (int n = 0; n < 8; n++) {
				dim[n] = b.getShort(40 + 2 * n);
				pixdim[n] = b.getFloat(76 + 4 * n);
			}
			datatype = b.getShort(70);
			bitpix = b.getShort(72);
			voxOffset = wholeOffset(file, b.getFloat(108));
			sclSlope = b.getFloat(112);
			sclInter = b.getFloat(116);
			xyztUnits = b.get(123) & 0xff;
			description = text(b, 148, 80);
			qformCode = b.getShort(252);
			sformCode = b.getShort(254);
			for (int a = 0; a < 3; a++) {
				quatern[a] = b.getFloat(256 + 4 * a);
				qoffset[a] = b.getFloat(268 + 4 * a);
				for (int c = 0; c < 4; c++) {
					srow[a][c] = b.getFloat(280 + 16 * a + 4 * c);
				}
			}
		} else {
			paired = pairedFromMagic(file, text(b, 4, 4), "n+2", "ni2");
			checkNifti2Signature(file, b);
			datatype = b.getShort(12);
			bitpix = b.getShort(14);
			for (int n = 0; n < 8; n++) {
				dim[n] = b.getLong(16 + 8 * n);
				pixdim[n] = b.getDouble(104 + 8 * n);
			}
			voxOffset = b.getLong(168);
			sclSlope = b.getDouble(176);
			sclInter = b.getDouble(184);
			description = text(b, 240, 80);
			qformCode = b.getInt(344);
			sformCode = b.getInt(348);
			for (int a = 0; a < 3; a++) {
				quatern[a] = b.getDouble(352 + 8 * a);
				qoffset[a] = b.getDouble(376 + 8 * a);
				for (int c = 0; c < 4; c++) {
					srow[a][c] = b.getDouble(400 + 32 * a + 8 * c);
				}
			}
			xyztUnits = b.getInt(500);
		}
	}

	/**
	 * Reads a header from the start of a stream, consuming exactly 348 or 540
	 * bytes. The version and byte order come from {@code sizeof_hdr}, which
	 * must read 348 or 540 in one of the two byte orders.
	 *
	 * @param file named in error messages
	 * @throws InvalidInputException if the stream is too short, or the size
	 *           field or magic is not that of a NIfTI header
	 */
	static NiftiHeader read(Path file, InputStream in) throws IOException {
		byte[] bytes = new byte[NIFTI2_SIZE];
		int count = readUpTo(in, bytes, 0, 4);
		if (count < 4) {
			throw new InvalidInputException(file, "truncated NIfTI header: the file has " + count +
				" bytes");
		}
		ByteBuffer b = ByteBuffer.wrap(bytes);
		int size = 0;
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			b.order(order);
			if (b.getInt(0) == NIFTI1_SIZE || b.getInt(0) == NIFTI2_SIZE) {
				size = b.getInt(0);
				break;
			}
		}
		if (size == 0) {
			throw new InvalidInputException(file, "not a NIfTI file: sizeof_hdr is " + b.order(
				ByteOrder.LITTLE_ENDIAN).getInt(0) + ", expected 348 (NIfTI-1) or 540 (NIfTI-2)");
		}
		count += readUpTo(in, bytes, 4, size - 4);
		if (count < size) {
			throw new InvalidInputException(file, "truncated NIfTI header: " + count + " of " +
				size + " bytes present");
		}
		return new NiftiHeader(file, b, size == NIFTI1_SIZE ? 1 : 2);
	}

	/** Returns the size of this header in bytes: 348 or 540. */
	int size() {
		return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
	}

	/** Returns "NIfTI-1" or "NIfTI-2". */
	String formatName() {
		return "NIfTI-" + version;
	}

	/** Returns the spatial unit code, {@code xyzt_units & 0x07}. */
	int spatialUnit() {
		return xyztUnits & 0x07;
	}

	/** Returns the temporal unit code, {@code xyzt_units & 0x38}. */
	int timeUnit() {
		return xyztUnits & 0x38;
	}

	private static boolean pairedFromMagic(Path file, String magic, String single, String pair)
		throws InvalidInputException
	{
		if (magic.equals(single)) return false;
		if (magic.equals(pair)) return true;
		throw new InvalidInputException(file, "invalid NIfTI magic '" + magic + "', expected '" +
			single + "' or '" + pair + "' (ANALYZE 7.5 headers are not supported)");
	}

	/** NIfTI-2 follows "n+2\0" with "\r\n\032\n" to detect text-mode transfers. */
	private static void checkNifti2Signature(Path file, ByteBuffer b)
		throws InvalidInputException
	{
		byte[] expected = { '\r', '\n', 032, '\n' };
		for (int n = 0; n < 4; n++) {
			if (b.get(8 + n) != expected[n]) {
				throw new InvalidInputException(file, "damaged NIfTI-2 magic: bytes 8 to 11 are" +
					" not \\r\\n\\032\\n, as after a transfer in text mode");
			}
		}
	}

	private static long wholeOffset(Path file, float offset) throws InvalidInputException {
		if (!(offset >= 0) || offset != Math.rint(offset) || offset > 1e12) {
			throw new InvalidInputException(file, "invalid vox_offset " + offset +
				", expected a whole number of bytes");
		}
		return (long) offset;
	}

	/** Decodes a NUL-terminated text field as Latin-1 without control characters. */
	private static String text(ByteBuffer b, int offset, int length) {
		StringBuilder s = new StringBuilder();
		for (int n = 0; n < length; n++) {
			int c = b.get(offset + n) & 0xff;
			if (c == 0) break;
			if (c >= 0x20 && c != 0x7f) s.append((char) c);
		}
		return s.toString().trim();
	}

	/** Reads up to {@code length} bytes and returns how many were read before the end. */
	static int readUpTo(InputStream in, byte[] buffer, int offset, int length)
		throws IOException
	{
		int total = 0;
		while (total < length) {
			int n = in.read(buffer, offset + total, length - total);
			if (n < 0) break;
			total += n;
		}
		return total;
	}

}
