package org.ctheatmap.compare;

/** Small 3 x 3 matrix helpers in double precision, arrays indexed [row][column]. */
final class Matrices {

	/** Relative determinant below which a matrix counts as singular. */
	private static final double SINGULAR = 1e-12;

	private Matrices() {}

	static double[][] identity() {
		return new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
	}

	static double[][] copy(double[][] m) {
		double[][] c = new double[3][];
		for (int r = 0; r < 3; r++) {
			c[r] = m[r].clone();
		}
		return c;
	}

	static double[][] multiply(double[][] a, double[][] b) {
		double[][] c = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int col = 0; col < 3; col++) {
				c[r][col] = a[r][0] * b[0][col] + a[r][1] * b[1][col] + a[r][2] * b[2][col];
			}
		}
		return c;
	}

	static double[] multiply(double[][] m, double[] v) {
		return new double[] { m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] +
			m[1][1] * v[1] + m[1][2] * v[2], m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2] };
	}

	static double[][] transpose(double[][] m) {
		double[][] t = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				t[c][r] = m[r][c];
			}
		}
		return t;
	}

	/**
	 * Returns the inverse by the adjugate.
	 *
	 * @throws IllegalArgumentException if the matrix is singular
	 */
	static double[][] invert(double[][] m) {
		double[][] adjugate = {
			{ m[1][1] * m[2][2] - m[1][2] * m[2][1], m[0][2] * m[2][1] - m[0][1] * m[2][2],
				m[0][1] * m[1][2] - m[0][2] * m[1][1] },
			{ m[1][2] * m[2][0] - m[1][0] * m[2][2], m[0][0] * m[2][2] - m[0][2] * m[2][0],
				m[0][2] * m[1][0] - m[0][0] * m[1][2] },
			{ m[1][0] * m[2][1] - m[1][1] * m[2][0], m[0][1] * m[2][0] - m[0][0] * m[2][1],
				m[0][0] * m[1][1] - m[0][1] * m[1][0] } };
		double determinant = m[0][0] * adjugate[0][0] + m[0][1] * adjugate[1][0] + m[0][2] *
			adjugate[2][0];
		double scale = norm(m[0]) * norm(m[1]) * norm(m[2]);
		if (!(Math.abs(determinant) > SINGULAR * scale)) {
			throw new IllegalArgumentException("Singular voxel-to-patient matrix (determinant " +
				determinant + "): the grid directions are coplanar");
		}
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				adjugate[r][c] /= determinant;
			}
		}
		return adjugate;
	}

	private static double norm(double[] v) {
		return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
	}
}
