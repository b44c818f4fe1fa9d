package org.ctheatmap.io.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI-1 and NIfTI-2 files byte by byte for reader tests, with every
 * header field settable, independently of {@link NiftiWriter} so that a
 * writer bug cannot hide a reader bug. Defaults: NIfTI-1, little-endian, a
 * 2 x 2 x 2 int16 grid of 1 mm voxels in mm units, no transform codes.
 */
final class NiftiTestFile {

	int version = 1;
	ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	String magic;
	long[] dim = { 3, 2, 2, 2, 1, 1, 1, 1 };
	double[] pixdim = { 1, 1, 1, 1, 0, 0, 0, 0 };
	int datatype = 4;
	int bitpix = 16;
	long voxOffset = -1;
	double slope = 1;
	double inter = 0;
	int xyztUnits = 2;
	int qformCode;
	int sformCode;
	double[] quatern = new double[3];
	double[] qoffset = new double[3];
	double[][] srow = new double[3][4];
	String descrip = "";
	/** Voxel bytes exactly as stored; by default the header's size of zeros. */
	byte[] data;
	/** Bytes appended after the voxel data, before compression. */
	byte[] trailing = new byte[0];
	boolean gzip;

	NiftiTestFile type(NiftiDataType type) {
		datatype = type.code();
		bitpix = 8 * type.bytesPerVoxel();
		return this;
	}

	NiftiTestFile dims(long... sizes) {
		dim = new long[] { sizes.length, 1, 1, 1, 1, 1, 1, 1 };
		System.arraycopy(sizes, 0, dim, 1, sizes.length);
		return this;
	}

	NiftiTestFile spacing(double... values) {
		System.arraycopy(values, 0, pixdim, 1, values.length);
		return this;
	}

	/** Sets the sform (code 1) from a RAS affine of 3 rows of 4 values. */
	NiftiTestFile sform(double[][] ras) {
		sformCode = 1;
		for (int r = 0; r < 3; r++) {
			srow[r] = ras[r].clone();
		}
		return this;
	}

	/** Stores the values in the file's datatype and byte order, stored i fastest. */
	NiftiTestFile values(double... values) {
		NiftiDataType type = NiftiDataType.fromCode(datatype);
		ByteBuffer b = ByteBuffer.allocate(values.length * type.bytesPerVoxel()).order(order);
		for (double v : values) {
			switch (type) {
				case UINT8:
				case INT8:
					b.put((byte) (long) v);
					break;
				case INT16:
				case UINT16:
					b.putShort((short) (long) v);
					break;
				case INT32:
				case UINT32:
					b.putInt((int) (long) v);
					break;
				case FLOAT32:
					b.putFloat((float) v);
					break;
				default:
					b.putDouble(v);
			}
		}
		data = b.array();
		return this;
	}

	/** Returns the header bytes, with the 4-byte extension flag for single files. */
	byte[] header() {
		boolean pair = magic != null && magic.startsWith("ni");
		int size = version == 1 ? 348 : 540;
		ByteBuffer b = ByteBuffer.allocate(size + 4).order(order);
		b.putInt(0, size);
		if (version == 1) {
			for (int n = 0; n < 8; n++) {
				b.putShort(40 + 2 * n, (short) dim[n]);
				b.putFloat(76 + 4 * n, (float) pixdim[n]);
			}
			b.putShort(70, (short) datatype).putShort(72, (short) bitpix);
			b.putFloat(108, dataOffset(pair, 352));
			b.putFloat(112, (float) slope).putFloat(116, (float) inter);
			b.put(123, (byte) xyztUnits);
			putText(b, 148, descrip);
			b.putShort(252, (short) qformCode).putShort(254, (short) sformCode);
			for (int a = 0; a < 3; a++) {
				b.putFloat(256 + 4 * a, (float) quatern[a]);
				b.putFloat(268 + 4 * a, (float) qoffset[a]);
				for (int c = 0; c < 4; c++) {
					b.putFloat(280 + 16 * a + 4 * c, (float) srow[a][c]);
				}
			}
			putText(b, 344, magic != null ? magic : "n+1");
		} else {
			putText(b, 4, magic != null ? magic : "n+2");
			b.put(8, (byte) '\r').put(9, (byte) '\n').put(10, (byte) 032).put(11, (byte) '\n');
			b.putShort(12, (short) datatype).putShort(14, (short) bitpix);
			for (int n = 0; n < 8; n++) {
				b.putLong(16 + 8 * n, dim[n]);
				b.putDouble(104 + 8 * n, pixdim[n]);
			}
			b.putLong(168, dataOffset(pair, 544));
			b.putDouble(176, slope).putDouble(184, inter);
			putText(b, 240, descrip);
			b.putInt(344, qformCode).putInt(348, sformCode);
			for (int a = 0; a < 3; a++) {
				b.putDouble(352 + 8 * a, quatern[a]);
				b.putDouble(376 + 8 * a, qoffset[a]);
				for (int c = 0; c < 4; c++) {
					b.putDouble(400 + 32 * a + 8 * c, srow[a][c]);
				}
			}
			b.putInt(500, xyztUnits);
		}
		byte[] bytes = b.array();
		return pair ? Arrays.copyOf(bytes, size) : bytes;
	}

	/** Returns the whole single file, before compression, padded up to vox_offset. */
	byte[] bytes() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] header = header();
		out.write(header);
		long offset = voxOffset >= 0 ? voxOffset : header.length;
		for (long n = header.length; n < offset; n++) {
			out.write(0);
		}
		out.write(data != null ? data : new byte[defaultDataLength()]);
		out.write(trailing);
		return out.toByteArray();
	}

	/** Writes a single .nii file, gzipped when {@link #gzip} is set. */
	Path write(Path file) throws IOException {
		writeBytes(file, bytes());
		return file;
	}

	/** Writes an .hdr/.img pair; {@code headerFile} must end in .hdr. */
	Path writePair(Path headerFile, Path dataFile) throws IOException {
		magic = version == 1 ? "ni1" : "ni2";
		writeBytes(headerFile, header());
		writeBytes(dataFile, data != null ? data : new byte[defaultDataLength()]);
		return headerFile;
	}

	private void writeBytes(Path file, byte[] bytes) throws IOException {
		try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files
			.newOutputStream(file))
		{
			out.write(bytes);
		}
	}

	private int defaultDataLength() {
		long count = 1;
		for (int n = 1; n <= dim[0]; n++) {
			count *= dim[n];
		}
		return (int) count * bitpix / 8;
	}

	/** Returns vox_offset when set, else 0 for a pair or the given single-file offset. */
	private long dataOffset(boolean pair, long singleFileOffset) {
		if (voxOffset >= 0) return voxOffset;
		return pair ? 0 : singleFileOffset;
	}

	private static void putText(ByteBuffer b, int offset, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		for (int n = 0; n < bytes.length; n++) {
			b.put(offset + n, bytes[n]);
		}
	}
}
