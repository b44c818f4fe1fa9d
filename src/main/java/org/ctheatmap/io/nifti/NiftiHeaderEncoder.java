package org.ctheatmap.io.nifti;

import ij.measure.Calibration;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Builds the first 352 bytes of a little-endian single-file NIfTI-1 image: the
 * header and a zero extension flag. Both the sform and the qform get code 1
 * (scanner anatomical) and come from the volume's geometry, converted from
 * LPS to RAS.
 */
final class NiftiHeaderEncoder {

	/** Offset of the voxel data: 348 header bytes and the 4-byte extension flag. */
	static final int VOX_OFFSET = 352;
	/** dim[] fields are signed 16-bit in NIfTI-1. */
	static final int MAX_DIMENSION = Short.MAX_VALUE;

	private static final int XFORM_SCANNER_ANAT = 1;
	private static final int UNITS_MM_AND_SECONDS = 2 | 8;

	private NiftiHeaderEncoder() {}

	/**
	 * Returns the header bytes; the volume is not modified.
	 *
	 * @throws IllegalArgumentException if a dimension exceeds 32767 voxels
	 */
	static byte[] encode(CtVolume volume, NiftiDataType type) {
		int[] size = { volume.width(), volume.height(), volume.depth(), volume.frames() };
		for (int n = 0; n < 4; n++) {
			if (size[n] > MAX_DIMENSION) {
				throw new IllegalArgumentException("NIfTI-1 allows at most " + MAX_DIMENSION +
					" voxels per dimension, but '" + volume.image().getTitle() + "' has " +
					size[n] + " along axis " + "xyzt".charAt(n));
			}
		}
		ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, NiftiHeader.NIFTI1_SIZE);
		b.put(38, (byte) 'r'); // "regular", kept for ANALYZE 7.5 readers
		b.putShort(40, (short) (size[3] > 1 ? 4 : 3));
		for (int n = 0; n < 4; n++) {
			b.putShort(42 + 2 * n, (short) size[n]);
		}
		for (int n = 4; n < 7; n++) {
			b.putShort(42 + 2 * n, (short) 1);
		}
		b.putShort(70, (short) type.code());
		b.putShort(72, (short) (8 * type.bytesPerVoxel()));

		PatientGeometry g = volume.geometry();
		double[] spacing = g.spacing();
		Qform qform = qform(g);
		b.putFloat(76, (float) qform.qfac);
		for (int n = 0; n < 3; n++) {
			b.putFloat(80 + 4 * n, (float) spacing[n]);
		}
		if (size[3] > 1) b.putFloat(92, (float) frameIntervalSeconds(volume.image()
			.getCalibration()));
		b.putFloat(108, VOX_OFFSET);
		b.putFloat(112, 1); // scl_slope: values are HU as stored
		b.putFloat(116, 0);
		b.put(123, (byte) UNITS_MM_AND_SECONDS);
		putText(b, 148, "HU");
		b.putShort(252, (short) XFORM_SCANNER_ANAT);
		b.putShort(254, (short) XFORM_SCANNER_ANAT);
		double[] origin = toRas(g.origin());
		for (int a = 0; a < 3; a++) {
			b.putFloat(256 + 4 * a, (float) qform.quaternion[a]);
			b.putFloat(268 + 4 * a, (float) origin[a]);
		}
		double[][] axes = { toRas(g.rowDirection()), toRas(g.columnDirection()), toRas(g
			.sliceDirection()) };
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				b.putFloat(280 + 16 * r + 4 * c, (float) (axes[c][r] * spacing[c]));
			}
			b.putFloat(280 + 16 * r + 12, (float) origin[r]);
		}
		putText(b, 344, "n+1");
		return b.array();
	}

	/** Quaternion parameters (b, c, d) and qfac of a qform. */
	static final class Qform {

		final double[] quaternion;
		final double qfac;

		Qform(double[] quaternion, double qfac) {
			this.quaternion = quaternion;
			this.qfac = qfac;
		}
	}

	/**
	 * Returns the qform of a geometry: the rotation whose first two columns are
	 * the row direction and the column direction made orthogonal to it, and
	 * qfac -1 when the slice direction points against their cross product.
	 * <p>
	 * Limitations: a qform cannot represent shear, so for a gantry-tilted stack
	 * it describes the slices as untilted. The sform stays exact, and readers
	 * that follow the NIfTI standard prefer it.
	 */
	static Qform qform(PatientGeometry g) {
		double[] u = toRas(g.rowDirection());
		double[] v = toRas(g.columnDirection());
		double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
		for (int a = 0; a < 3; a++) {
			v[a] -= dot * u[a];
		}
		double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
		for (int a = 0; a < 3; a++) {
			v[a] /= norm;
		}
		double[] w = { u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] *
			v[0] };
		double[] s = toRas(g.sliceDirection());
		double qfac = s[0] * w[0] + s[1] * w[1] + s[2] * w[2] < 0 ? -1 : 1;
		double[][] rotation = new double[3][3];
		for (int r = 0; r < 3; r++) {
			rotation[r][0] = u[r];
			rotation[r][1] = v[r];
			rotation[r][2] = w[r];
		}
		return new Qform(NiftiOrientation.rotationToQuaternion(rotation), qfac);
	}

	/**
	 * Returns the calibration's frame interval in seconds; ImageJ's default
	 * time unit "sec" and unknown units are taken as seconds.
	 */
	static double frameIntervalSeconds(Calibration cal) {
		double interval = cal.frameInterval;
		String unit = cal.getTimeUnit() == null ? "" : cal.getTimeUnit().trim().toLowerCase();
		switch (unit) {
			case "ms":
			case "msec":
				return interval / 1000;
			case "us":
			case "µs":
			case "usec":
				return interval / 1e6;
			case "min":
				return interval * 60;
			default:
				return interval;
		}
	}

	/** Returns an LPS vector in RAS: x and y negated. */
	private static double[] toRas(double[] lps) {
		return new double[] { -lps[0], -lps[1], lps[2] };
	}

	private static void putText(ByteBuffer b, int offset, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		for (int n = 0; n < bytes.length; n++) {
			b.put(offset + n, bytes[n]);
		}
	}
}
