package org.ctheatmap.compare;

import org.ctheatmap.core.PatientGeometry;

/**
 * The affine map between 0-based voxel indices (i, j, k) and patient
 * coordinates in mm of one {@link PatientGeometry}, and its inverse.
 * <p>
 * Forward: {@code p = origin + M (i, j, k)}, where column a of the 3 x 3
 * matrix M is {@code spacing[a]} times the row, column or slice direction.
 * With gantry tilt the slice direction is not orthogonal to the other two, so
 * M is inverted as a general matrix rather than transposed. Instances are
 * immutable.
 */
public final class GridAffine {

	private final double[] origin;
	private final double[][] forward;
	private final double[][] inverse;

	/**
	 * @throws IllegalArgumentException if the directions are (nearly)
	 *           coplanar, so that no voxel index corresponds to a point
	 */
	public GridAffine(PatientGeometry geometry) {
		origin = geometry.origin();
		double[] spacing = geometry.spacing();
		double[][] directions = { geometry.rowDirection(), geometry.columnDirection(), geometry
			.sliceDirection() };
		forward = new double[3][3];
		for (int row = 0; row < 3; row++) {
			for (int column = 0; column < 3; column++) {
				forward[row][column] = directions[column][row] * spacing[column];
			}
		}
		inverse = Matrices.invert(forward);
	}

	/** Returns the patient position (mm) of a possibly fractional voxel index. */
	public double[] toPatient(double i, double j, double k) {
		double[] p = new double[3];
		for (int a = 0; a < 3; a++) {
			p[a] = origin[a] + forward[a][0] * i + forward[a][1] * j + forward[a][2] * k;
		}
		return p;
	}

	/** Returns the fractional voxel index (i, j, k) of a patient position in mm. */
	public double[] toVoxel(double[] patient) {
		double dx = patient[0] - origin[0];
		double dy = patient[1] - origin[1];
		double dz = patient[2] - origin[2];
		double[] u = new double[3];
		for (int a = 0; a < 3; a++) {
			u[a] = inverse[a][0] * dx + inverse[a][1] * dy + inverse[a][2] * dz;
		}
		return u;
	}

	/** Returns the patient position of voxel index 0, in mm. */
	public double[] origin() {
		return origin.clone();
	}

	/** Returns a copy of M: element [row][column] in mm per voxel. */
	public double[][] matrix() {
		return Matrices.copy(forward);
	}

	/** Returns a copy of the inverse of M: element [row][column] in voxels per mm. */
	public double[][] inverseMatrix() {
		return Matrices.copy(inverse);
	}
}
