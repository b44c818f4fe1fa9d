package org.ctheatmap.compare;

import org.ctheatmap.core.PatientGeometry;

/**
 * The affine map from voxel indices of one grid to fractional voxel indices
 * of another through a rigid transform of patient space:
 * {@code u = L x + b}, precomputed so that a row of voxels costs one vector
 * addition per voxel.
 */
final class IndexMap {

	private final double[][] linear;
	private final double[] offset;

	private IndexMap(double[][] linear, double[] offset) {
		this.linear = linear;
		this.offset = offset;
	}

	/**
	 * Returns the map from target indices to source indices, for
	 * {@code source index = inverse(source affine)(T(target affine(x)))}.
	 */
	static IndexMap between(PatientGeometry target, PatientGeometry source,
		RigidTransform transform)
	{
		GridAffine to = new GridAffine(target);
		GridAffine from = new GridAffine(source);
		double[][] rotation = transform.rotation();
		double[][] linear = Matrices.multiply(from.inverseMatrix(), Matrices.multiply(rotation,
			to.matrix()));
		double[] mapped = transform.apply(to.origin());
		double[] sourceOrigin = from.origin();
		double[] d = { mapped[0] - sourceOrigin[0], mapped[1] - sourceOrigin[1], mapped[2] -
			sourceOrigin[2] };
		return new IndexMap(linear, Matrices.multiply(from.inverseMatrix(), d));
	}

	/** Writes the source index of target voxel (i, j, k) into {@code out}. */
	void index(double i, double j, double k, double[] out) {
		for (int a = 0; a < 3; a++) {
			out[a] = offset[a] + linear[a][0] * i + linear[a][1] * j + linear[a][2] * k;
		}
	}

	/** Returns the change of the source index per target column. */
	double[] columnStep() {
		return new double[] { linear[0][0], linear[1][0], linear[2][0] };
	}
}
