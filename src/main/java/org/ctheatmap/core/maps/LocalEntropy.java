package org.ctheatmap.core.maps;

import org.ctheatmap.core.ProgressListener;

/**
 * Shannon entropy, in bits, of the histogram of values in a cuboid box
 * around every voxel: a texture measure that is 0 where the box is uniform
 * and grows with the number of distinct value bins in it.
 * <p>
 * A value v falls into bin {@code floor((v - lowest) / binWidth)}, clamped
 * to the first and last bin. The box and the rule for which voxels take part
 * are those of {@link BoxStatistics}. With {@code n} voxels in the box and
 * {@code c_b} of them in bin b, the entropy is
 * {@code -sum_b (c_b / n) log2(c_b / n)}. A voxel outside the mask, or whose
 * box has no voxel that takes part, gets NaN.
 * <p>
 * The histogram slides along x: each step removes one column of
 * (2 ry + 1) x (2 rz + 1) voxels and adds another, and the entropy follows
 * from a running sum of {@code c log2 c}. The cost per voxel therefore grows
 * with the box's cross-section, not its volume. Memory: 2 bytes per voxel
 * for the bin indices.
 */
public final class LocalEntropy {

	private static final String STEP = "Local entropy";

	private LocalEntropy() {}

	/**
	 * Computes the local entropy of every voxel; the input is not modified.
	 *
	 * @param slices {@code slices[z][y * width + x]}
	 * @param halfWidths rx, ry, rz in voxels, each 0 or more
	 * @param mask {@code mask[z][y * width + x]}, or null for every voxel
	 * @param lowest lower edge of the first bin, in the value unit
	 * @param binWidth width of a bin in the value unit, positive
	 * @param bins number of bins, 1 to 32767
	 * @param progress receives one report per finished slice
	 * @return new planes of entropy in bits
	 */
	public static float[][] compute(float[][] slices, int width, int height,
		int[] halfWidths, boolean[][] mask, double lowest, double binWidth, int bins,
		ProgressListener progress)
	{
		if (!(binWidth > 0) || bins < 1 || bins > Short.MAX_VALUE) {
			throw new IllegalArgumentException("Entropy needs a positive bin width and 1 to " +
				Short.MAX_VALUE + " bins, got " + binWidth + " and " + bins);
		}
		short[][] binned = binned(slices, mask, lowest, binWidth, bins);
		int depth = slices.length;
		int boxVolume = (2 * halfWidths[0] + 1) * (2 * halfWidths[1] + 1) * (2 * halfWidths[2] +
			1);
		double[] cLogC = new double[boxVolume + 1];
		for (int c = 2; c <= boxVolume; c++) {
			cLogC[c] = c * Math.log(c) / Math.log(2);
		}
		float[][] out = new float[depth][];
		Runnable tick = Chunks.counter(progress, STEP, depth);
		Chunks.run(depth, (from, to) -> {
			Histogram histogram = new Histogram(bins, cLogC);
			for (int z = from; z < to; z++) {
				out[z] = slice(binned, width, height, halfWidths, mask, z, histogram);
				tick.run();
			}
		});
		return out;
	}

	/** Returns the bin of every voxel that takes part, -1 for the others. */
	private static short[][] binned(float[][] slices, boolean[][] mask, double lowest,
		double binWidth, int bins)
	{
		short[][] binned = new short[slices.length][];
		for (int z = 0; z < slices.length; z++) {
			float[] values = slices[z];
			short[] plane = new short[values.length];
			for (int i = 0; i < values.length; i++) {
				float v = values[i];
				if (!Float.isFinite(v) || mask != null && !mask[z][i]) {
					plane[i] = -1;
					continue;
				}
				double bin = Math.floor((v - lowest) / binWidth);
				plane[i] = (short) Math.max(0, Math.min(bins - 1, bin));
			}
			binned[z] = plane;
		}
		return binned;
	}

	private static float[] slice(short[][] binned, int width, int height, int[] half,
		boolean[][] mask, int z, Histogram histogram)
	{
		int rx = half[0];
		int ry = half[1];
		int rz = half[2];
		int z0 = Math.max(0, z - rz);
		int z1 = Math.min(binned.length - 1, z + rz);
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			int y0 = Math.max(0, y - ry);
			int y1 = Math.min(height - 1, y + ry);
			histogram.clear();
			for (int x = 0; x < Math.min(rx, width); x++) {
				histogram.column(binned, width, x, y0, y1, z0, z1, 1);
			}
			for (int x = 0; x < width; x++) {
				if (x + rx < width) histogram.column(binned, width, x + rx, y0, y1, z0, z1, 1);
				if (x - rx - 1 >= 0) {
					histogram.column(binned, width, x - rx - 1, y0, y1, z0, z1, -1);
				}
				int i = y * width + x;
				boolean inside = mask == null || mask[z][i];
				out[i] = inside ? histogram.entropy() : Float.NaN;
			}
		}
		return out;
	}

	/** Bin counts of one box with the running sum of c log2 c. */
	private static final class Histogram {

		private final int[] counts;
		private final double[] cLogC;
		private int total;
		private double sumCLogC;

		Histogram(int bins, double[] cLogC) {
			counts = new int[bins];
			this.cLogC = cLogC;
		}

		void clear() {
			java.util.Arrays.fill(counts, 0);
			total = 0;
			sumCLogC = 0;
		}

		/** Adds (sign 1) or removes (sign -1) the voxels of one column x. */
		void column(short[][] binned, int width, int x, int y0, int y1, int z0, int z1,
			int sign)
		{
			for (int z = z0; z <= z1; z++) {
				short[] plane = binned[z];
				for (int y = y0; y <= y1; y++) {
					int bin = plane[y * width + x];
					if (bin < 0) continue;
					int c = counts[bin];
					int next = c + sign;
					sumCLogC += cLogC[next] - cLogC[c];
					counts[bin] = next;
					total += sign;
				}
			}
		}

		/** Returns log2(n) - sum(c log2 c) / n, or NaN for an empty box. */
		float entropy() {
			if (total == 0) return Float.NaN;
			double h = (cLogC[total] / total) - sumCLogC / total;
			return (float) Math.max(0, h);
		}
	}
}
