package org.ctheatmap.core.filter;

import org.ctheatmap.core.ProgressListener;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Edge-preserving bilateral filter: each voxel becomes the weighted mean of
 * its neighbours, with weight
 * {@code exp(-r^2 / (2 sigmaSpatial^2)) * exp(-(v - c)^2 / (2 sigmaRange^2))},
 * where r is the distance in mm between the voxel centres and v - c the
 * difference in value (HU) from the centre voxel.
 * <p>
 * The neighbourhood is every voxel within {@value #TRUNCATION_SIGMAS} spatial
 * sigmas (a sphere in mm, {@link Neighbourhood#sphereMm}); the spatial weight
 * at that radius is exp(-2) = 0.14. Only neighbours inside the volume that are
 * not NaN count, and the weights are divided by their sum, so nothing spills
 * in from outside and NaN voxels stay NaN. Slices run in parallel; memory is
 * four rows per thread.
 */
public final class BilateralFilter {

	/** Neighbourhood radius in spatial sigmas. */
	public static final double TRUNCATION_SIGMAS = 2;

	private BilateralFilter() {}

	/**
	 * Returns the neighbourhood used for a spatial sigma.
	 *
	 * @param sigmaSpatialMm spatial sigma in mm, positive
	 * @param spacing voxel size along x, y and z in mm
	 * @param threeD false to stay in the slice
	 */
	public static Neighbourhood neighbourhood(double sigmaSpatialMm, double[] spacing,
		boolean threeD)
	{
		return Neighbourhood.sphereMm(TRUNCATION_SIGMAS * sigmaSpatialMm, spacing, threeD);
	}

	/**
	 * Filters every voxel of {@code source}.
	 *
	 * @param source values in HU; not modified, and must not be the array that
	 *          {@code sink} writes to
	 * @param spacing voxel size along x, y and z in mm
	 * @param sigmaSpatialMm spatial sigma in mm, positive
	 * @param sigmaRangeHu range sigma in HU, positive
	 * @param threeD false to stay in the slice
	 * @param sink receives each output slice
	 * @param progress receives one report per finished slice
	 * @throws IllegalArgumentException if a sigma is not positive and finite
	 */
	public static void apply(FloatVolume source, double[] spacing, double sigmaSpatialMm,
		double sigmaRangeHu, boolean threeD, SliceSink sink, ProgressListener progress)
	{
		if (!(sigmaSpatialMm > 0) || !(sigmaRangeHu > 0) || Double.isInfinite(sigmaSpatialMm) ||
			Double.isInfinite(sigmaRangeHu))
		{
			throw new IllegalArgumentException("Bilateral sigmas must be positive, got " +
				sigmaSpatialMm + " mm and " + sigmaRangeHu + " HU");
		}
		Neighbourhood neighbourhood = neighbourhood(sigmaSpatialMm, spacing, threeD);
		NeighbourRows rows = new NeighbourRows(source, neighbourhood);
		float[] spatial = new float[neighbourhood.size()];
		for (int i = 0; i < spatial.length; i++) {
			int[] o = neighbourhood.offset(i);
			double r2 = 0;
			for (int axis = 0; axis < 3; axis++) {
				r2 += o[axis] * spacing[axis] * o[axis] * spacing[axis];
			}
			spatial[i] = (float) Math.exp(-r2 / (2 * sigmaSpatialMm * sigmaSpatialMm));
		}
		double rangeFactor = -1 / (2 * sigmaRangeHu * sigmaRangeHu);
		int w = source.width();
		int h = source.height();
		int d = source.depth();
		AtomicInteger done = new AtomicInteger();
		Parallel.forRange(d, (from, to) -> {
			float[] slice = new float[w * h];
			float[] centre = new float[w];
			float[] row = new float[w];
			double[] sum = new double[w];
			double[] weights = new double[w];
			int[] range = new int[2];
			for (int z = from; z < to; z++) {
				for (int y = 0; y < h; y++) {
					System.arraycopy(source.slices()[z], y * w, centre, 0, w);
					Arrays.fill(sum, 0);
					Arrays.fill(weights, 0);
					for (int i = 0; i < spatial.length; i++) {
						if (!rows.loadClipped(i, y, z, row, range)) continue;
						for (int x = range[0]; x < range[1]; x++) {
							double delta = row[x] - centre[x];
							if (delta != delta) continue;
							double weight = spatial[i] * Math.exp(delta * delta * rangeFactor);
							sum[x] += weight * row[x];
							weights[x] += weight;
						}
					}
					for (int x = 0; x < w; x++) {
						slice[y * w + x] = (float) (sum[x] / weights[x]);
					}
				}
				sink.accept(z, slice);
				progress.progress("Bilateral filter", done.incrementAndGet(), d);
			}
		});
	}
}
