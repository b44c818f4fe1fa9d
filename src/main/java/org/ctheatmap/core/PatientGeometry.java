package org.ctheatmap.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * Position of a voxel grid in DICOM patient coordinates (LPS: +x towards the
 * patient's left, +y posterior, +z superior), in millimetres.
 * <p>
 * Voxel index {@code (i, j, k)} is the column, row and slice index, each
 * 0-based. Its centre lies at
 * {@code origin + i * spacing[0] * rowDirection + j * spacing[1] * columnDirection
 * + k * spacing[2] * sliceDirection}. The row direction is the direction of
 * increasing column index (DICOM's first Image Orientation vector), as in
 * DICOM. With gantry tilt the slice direction is not the cross product of the
 * other two; it is the unit step between consecutive slice positions.
 * <p>
 * Instances are immutable.
 */
public final class PatientGeometry {

	/** Image property under which {@link #toText()} is stored on an ImagePlus. */
	public static final String PROPERTY_KEY = "CTHeatMap.Geometry";

	private final double[] origin;
	private final double[] rowDirection;
	private final double[] columnDirection;
	private final double[] sliceDirection;
	private final double[] spacing;

	/**
	 * Creates a geometry; all arrays have length 3 and are copied.
	 *
	 * @param origin centre of voxel (0, 0, 0) in mm
	 * @param rowDirection unit vector of increasing column index
	 * @param columnDirection unit vector of increasing row index
	 * @param sliceDirection unit vector of increasing slice index
	 * @param spacing voxel size along i, j, k in mm, all positive
	 * @throws IllegalArgumentException if a vector has the wrong length, a
	 *           value is not finite, a direction is not a unit vector or a
	 *           spacing is not positive
	 */
	public PatientGeometry(double[] origin, double[] rowDirection, double[] columnDirection,
		double[] sliceDirection, double[] spacing)
	{
		this.origin = checked("origin", origin);
		this.rowDirection = unit("row direction", rowDirection);
		this.columnDirection = unit("column direction", columnDirection);
		this.sliceDirection = unit("slice direction", sliceDirection);
		this.spacing = checked("spacing", spacing);
		for (double s : this.spacing) {
			if (!(s > 0)) {
				throw new IllegalArgumentException("Voxel spacing must be positive, got " + Arrays
					.toString(spacing));
			}
		}
	}

	/**
	 * Returns an axial geometry with identity directions, for images that carry
	 * no patient position (TIFF stacks, generated arrays).
	 */
	public static PatientGeometry axial(double[] origin, double[] spacing) {
		return new PatientGeometry(origin, new double[] { 1, 0, 0 }, new double[] { 0, 1, 0 },
			new double[] { 0, 0, 1 }, spacing);
	}

	/** Returns the centre of voxel (i, j, k) in patient coordinates (mm). */
	public double[] voxelToPatient(double i, double j, double k) {
		double[] p = new double[3];
		for (int a = 0; a < 3; a++) {
			p[a] = origin[a] + i * spacing[0] * rowDirection[a] + j * spacing[1] *
				columnDirection[a] + k * spacing[2] * sliceDirection[a];
		}
		return p;
	}

	/** Returns the slice normal, the cross product of row and column directions. */
	public double[] normal() {
		return cross(rowDirection, columnDirection);
	}

	/**
	 * Returns the angle in degrees between the slice direction and the slice
	 * normal; 0 for an untilted stack.
	 */
	public double tiltDegrees() {
		double[] n = normal();
		double dot = 0;
		for (int a = 0; a < 3; a++) {
			dot += n[a] * sliceDirection[a];
		}
		return Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot))));
	}

	public double[] origin() {
		return origin.clone();
	}

	public double[] rowDirection() {
		return rowDirection.clone();
	}

	public double[] columnDirection() {
		return columnDirection.clone();
	}

	public double[] sliceDirection() {
		return sliceDirection.clone();
	}

	/** Returns the voxel size along i, j and k in mm. */
	public double[] spacing() {
		return spacing.clone();
	}

	/**
	 * Returns the geometry as one line of text that {@link #parse(String)}
	 * reads back, e.g. for an ImagePlus property saved in TIFF headers.
	 */
	public String toText() {
		return String.format(Locale.ROOT, "origin=%s row=%s column=%s slice=%s spacing=%s",
			join(origin), join(rowDirection), join(columnDirection), join(sliceDirection), join(
				spacing));
	}

	/**
	 * Parses the text written by {@link #toText()}.
	 *
	 * @throws IllegalArgumentException if the text is malformed
	 */
	public static PatientGeometry parse(String text) {
		double[][] v = new double[5][];
		String[] keys = { "origin", "row", "column", "slice", "spacing" };
		for (String part : text.trim().split("\\s+")) {
			int eq = part.indexOf('=');
			int index = eq < 0 ? -1 : Arrays.asList(keys).indexOf(part.substring(0, eq));
			if (index < 0) {
				throw new IllegalArgumentException("Invalid geometry text: " + text);
			}
			String[] numbers = part.substring(eq + 1).split(",");
			v[index] = new double[numbers.length];
			for (int a = 0; a < numbers.length; a++) {
				v[index][a] = Double.parseDouble(numbers[a]);
			}
		}
		for (int index = 0; index < keys.length; index++) {
			if (v[index] == null) {
				throw new IllegalArgumentException("Geometry text lacks '" + keys[index] + "': " +
					text);
			}
		}
		return new PatientGeometry(v[0], v[1], v[2], v[3], v[4]);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof PatientGeometry)) return false;
		PatientGeometry g = (PatientGeometry) other;
		return Arrays.equals(origin, g.origin) && Arrays.equals(rowDirection, g.rowDirection) &&
			Arrays.equals(columnDirection, g.columnDirection) && Arrays.equals(sliceDirection,
				g.sliceDirection) && Arrays.equals(spacing, g.spacing);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(origin) * 31 + Arrays.hashCode(spacing);
	}

	@Override
	public String toString() {
		return toText();
	}

	static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] -
			a[1] * b[0] };
	}

	private static double[] checked(String name, double[] v) {
		if (v == null || v.length != 3) {
			throw new IllegalArgumentException("The " + name + " needs 3 values, got " + Arrays
				.toString(v));
		}
		for (double x : v) {
			if (!Double.isFinite(x)) {
				throw new IllegalArgumentException("The " + name + " has a non-finite value: " +
					Arrays.toString(v));
			}
		}
		return v.clone();
	}

	private static double[] unit(String name, double[] v) {
		double[] u = checked(name, v);
		double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
		// Header values are usually printed with 6 to 10 digits, so allow that rounding.
		if (Math.abs(norm - 1) > 1e-3) {
			throw new IllegalArgumentException("The " + name + " is not a unit vector: " + Arrays
				.toString(v));
		}
		for (int a = 0; a < 3; a++) {
			u[a] /= norm;
		}
		return u;
	}

	private static String join(double[] v) {
		return Double.toString(v[0]) + "," + v[1] + "," + v[2];
	}
}
