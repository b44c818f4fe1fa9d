package org.ctheatmap.core.filter;

import java.util.Arrays;
import java.util.Random;

/**
 * Brute-force filters in double precision that follow the documented rules
 * literally, one voxel at a time, to check the fast implementations against.
 */
final class Reference {

	private Reference() {}

	/** Returns a volume of random HU in [-1000, 1000), rounded to integers so that ties occur. */
	static FloatVolume randomVolume(int w, int h, int d, long seed) {
		Random random = new Random(seed);
		FloatVolume v = FloatVolume.allocate(w, h, d);
		for (float[] slice : v.slices()) {
			for (int i = 0; i < slice.length; i++) {
				slice[i] = Math.round(random.nextDouble() * 2000 - 1000);
			}
		}
		return v;
	}

	/** Sets about {@code fraction} of the voxels to NaN. */
	static void sprinkleNaN(FloatVolume v, double fraction, long seed) {
		Random random = new Random(seed);
		for (float[] slice : v.slices()) {
			for (int i = 0; i < slice.length; i++) {
				if (random.nextDouble() < fraction) slice[i] = Float.NaN;
			}
		}
	}

	private static boolean inside(FloatVolume v, int x, int y, int z) {
		return x >= 0 && y >= 0 && z >= 0 && x < v.width() && y < v.height() && z < v.depth();
	}

	/**
	 * Gaussian as one 3-D sum: weights exp(-(dx^2/sx^2 + dy^2/sy^2 +
	 * dz^2/sz^2) / 2) over |d| <= ceil(4 s) per axis, renormalised over the
	 * in-volume, non-NaN voxels.
	 */
	static FloatVolume gaussian(FloatVolume v, double[] sigma) {
		int[] r = new int[3];
		for (int a = 0; a < 3; a++) {
			r[a] = sigma[a] == 0 ? 0 : (int) Math.ceil(4 * sigma[a]);
		}
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		for (int z = 0; z < v.depth(); z++) {
			for (int y = 0; y < v.height(); y++) {
				for (int x = 0; x < v.width(); x++) {
					if (Float.isNaN(v.get(x, y, z))) {
						out.set(x, y, z, Float.NaN);
						continue;
					}
					double sum = 0;
					double weights = 0;
					for (int dz = -r[2]; dz <= r[2]; dz++) {
						for (int dy = -r[1]; dy <= r[1]; dy++) {
							for (int dx = -r[0]; dx <= r[0]; dx++) {
								if (!inside(v, x + dx, y + dy, z + dz)) continue;
								float value = v.get(x + dx, y + dy, z + dz);
								if (Float.isNaN(value)) continue;
								double weight = g(dx, sigma[0]) * g(dy, sigma[1]) * g(dz, sigma[2]);
								sum += weight * value;
								weights += weight;
							}
						}
					}
					out.set(x, y, z, (float) (sum / weights));
				}
			}
		}
		return out;
	}

	private static double g(int d, double sigma) {
		return sigma == 0 ? 1 : Math.exp(-d * (double) d / (2 * sigma * sigma));
	}

	/** Returns the valid neighbour values of (x, y, z), or null when the voxel is NaN. */
	static double[] neighbours(FloatVolume v, Neighbourhood n, int x, int y, int z) {
		if (Float.isNaN(v.get(x, y, z))) return null;
		double[] values = new double[n.size()];
		int count = 0;
		for (int i = 0; i < n.size(); i++) {
			int[] o = n.offset(i);
			if (!inside(v, x + o[0], y + o[1], z + o[2])) continue;
			float value = v.get(x + o[0], y + o[1], z + o[2]);
			if (!Float.isNaN(value)) values[count++] = value;
		}
		return Arrays.copyOf(values, count);
	}

	/** Statistic of the valid neighbours: 0 median, 1 mean, 2 sample variance. */
	static FloatVolume statistic(FloatVolume v, Neighbourhood n, int which) {
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		for (int z = 0; z < v.depth(); z++) {
			for (int y = 0; y < v.height(); y++) {
				for (int x = 0; x < v.width(); x++) {
					double[] values = neighbours(v, n, x, y, z);
					out.set(x, y, z, values == null ? Float.NaN : (float) statistic(values, which));
				}
			}
		}
		return out;
	}

	private static double statistic(double[] values, int which) {
		int n = values.length;
		if (which == 0) {
			Arrays.sort(values);
			return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
		}
		double mean = Arrays.stream(values).average().orElse(Double.NaN);
		if (which == 1) return mean;
		if (n < 2) return 0;
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		return squares / (n - 1);
	}

	/** Bilateral filter by its definition, in double precision. */
	static FloatVolume bilateral(FloatVolume v, double[] spacing, double sigmaSpatial,
		double sigmaRange, boolean threeD)
	{
		Neighbourhood n = Neighbourhood.sphereMm(2 * sigmaSpatial, spacing, threeD);
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		for (int z = 0; z < v.depth(); z++) {
			for (int y = 0; y < v.height(); y++) {
				for (int x = 0; x < v.width(); x++) {
					double centre = v.get(x, y, z);
					double sum = 0;
					double weights = 0;
					for (int i = 0; i < n.size(); i++) {
						int[] o = n.offset(i);
						if (!inside(v, x + o[0], y + o[1], z + o[2])) continue;
						double value = v.get(x + o[0], y + o[1], z + o[2]);
						if (Double.isNaN(value)) continue;
						double r2 = 0;
						for (int a = 0; a < 3; a++) {
							r2 += Math.pow(o[a] * spacing[a], 2);
						}
						double spatial = Math.exp(-r2 / (2 * sigmaSpatial * sigmaSpatial));
						double range = Math.exp(-Math.pow(value - centre, 2) / (2 * sigmaRange *
							sigmaRange));
						double weight = spatial * range;
						sum += weight * value;
						weights += weight;
					}
					out.set(x, y, z, Double.isNaN(centre) ? Float.NaN : (float) (sum / weights));
				}
			}
		}
		return out;
	}

	/** Returns the largest |a - b| over all voxels; NaN must match NaN, else +infinity. */
	static double maxDifference(FloatVolume a, FloatVolume b) {
		double max = 0;
		for (int z = 0; z < a.depth(); z++) {
			for (int i = 0; i < a.slices()[z].length; i++) {
				float p = a.slices()[z][i];
				float q = b.slices()[z][i];
				if (Float.isNaN(p) != Float.isNaN(q)) return Double.POSITIVE_INFINITY;
				if (!Float.isNaN(p)) max = Math.max(max, Math.abs(p - q));
			}
		}
		return max;
	}
}
