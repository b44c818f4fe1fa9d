package org.ctheatmap.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * Normalizes a HU volume: windowing, min-max, z-score, percentile scaling or
 * histogram matching, with statistics from the whole stack or from each slice
 * and only from the voxels inside a mask.
 * <p>
 * NaN voxels never enter the statistics and stay NaN. Voxels outside the mask
 * follow {@link OutsideMask}. Where a statistic leaves no spread to divide by
 * (max = min, SD = 0, equal percentiles), the mapped value is 0. A unit (stack
 * or slice) without any voxel in the mask gets NaN statistics, so mapped
 * voxels there become NaN.
 * <p>
 * Memory: the output volume plus one sorted float copy of the voxels of one
 * unit (the whole masked stack, or one slice), for percentiles.
 */
public final class Normalizer {

	private Normalizer() {}

	/**
	 * Normalizes {@code hu}; the input is not modified.
	 *
	 * @param hu values in HU
	 * @param mask voxels whose statistics count, or null for all voxels
	 * @param settings method and options
	 * @param reference HU volume to match for
	 *          {@link NormalizationMethod#HISTOGRAM_MATCHING}, else ignored
	 * @param referenceMask voxels of the reference that count, or null for all
	 * @param progress receives one report per slice mapped
	 * @throws IllegalArgumentException if the mask size differs from the volume,
	 *           or histogram matching has no reference or an empty one
	 */
	public static NormalizationResult normalize(FloatVolume hu, VoxelMask mask,
		NormalizationSettings settings, FloatVolume reference, VoxelMask referenceMask,
		ProgressListener progress)
	{
		checkMask(hu, mask, "mask");
		double[] referenceQuantiles = null;
		SortedValues referenceValues = null;
		if (settings.method() == NormalizationMethod.HISTOGRAM_MATCHING) {
			if (reference == null) {
				throw new IllegalArgumentException("Histogram matching needs a reference volume");
			}
			checkMask(reference, referenceMask, "reference mask");
			referenceValues = gather(reference, referenceMask, 0, reference.depth());
			if (referenceValues.count() == 0) {
				throw new IllegalArgumentException("The reference has no finite voxel inside its" +
					" mask");
			}
			referenceQuantiles = referenceValues.quantiles(settings.quantiles());
		}
		FloatVolume out = FloatVolume.allocate(hu.width(), hu.height(), hu.depth());
		List<NormalizationStatistics> statistics = new ArrayList<>();
		if (settings.scope() == NormalizationScope.STACK) {
			UnitMap map = unitMap(gather(hu, mask, 0, hu.depth()), 0, settings, referenceQuantiles);
			statistics.add(map.statistics);
			IntStream.range(0, hu.depth()).parallel().forEach(z -> apply(hu, mask, out, z, map,
				settings));
		} else {
			UnitMap[] maps = new UnitMap[hu.depth()];
			double[] quantiles = referenceQuantiles;
			IntStream.range(0, hu.depth()).parallel().forEach(z -> {
				maps[z] = unitMap(gather(hu, mask, z, z + 1), z + 1, settings, quantiles);
				apply(hu, mask, out, z, maps[z], settings);
			});
			for (UnitMap map : maps) {
				statistics.add(map.statistics);
			}
		}
		progress.progress("Normalize", hu.depth(), hu.depth());
		double[] range = displayRange(settings, referenceValues);
		long maskVoxels = mask == null ? hu.size() : mask.count();
		return new NormalizationResult(out, range[0], range[1], valueUnit(settings), maskVoxels,
			statistics);
	}

	private static void checkMask(FloatVolume volume, VoxelMask mask, String name) {
		if (mask == null) return;
		if (mask.width() != volume.width() || mask.height() != volume.height() || mask
			.depth() != volume.depth())
		{
			throw new IllegalArgumentException("The " + name + " is " + mask.width() + " x " + mask
				.height() + " x " + mask.depth() + " but the volume is " + volume.width() + " x " +
				volume.height() + " x " + volume.depth());
		}
	}

	/** Collects the finite voxels of slices [from, to) inside the mask, sorted. */
	static SortedValues gather(FloatVolume volume, VoxelMask mask, int from, int to) {
		long n = 0;
		for (int z = from; z < to; z++) {
			n += countFinite(volume.slices()[z], mask == null ? null : mask.plane(z));
		}
		if (n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("Too many voxels for one normalization: " + n);
		}
		float[] values = new float[(int) n];
		int k = 0;
		for (int z = from; z < to; z++) {
			float[] slice = volume.slices()[z];
			boolean[] plane = mask == null ? null : mask.plane(z);
			for (int i = 0; i < slice.length; i++) {
				float v = slice[i];
				if (v == v && !Float.isInfinite(v) && (plane == null || plane[i])) values[k++] = v;
			}
		}
		return SortedValues.sort(values);
	}

	private static long countFinite(float[] slice, boolean[] plane) {
		long n = 0;
		for (int i = 0; i < slice.length; i++) {
			float v = slice[i];
			if (v == v && !Float.isInfinite(v) && (plane == null || plane[i])) n++;
		}
		return n;
	}

	/** The map of one unit: a clamped linear map or a quantile mapping. */
	private static final class UnitMap {

		NormalizationStatistics statistics;
		double offset;
		double scale;
		double lowClamp = Double.NEGATIVE_INFINITY;
		double highClamp = Double.POSITIVE_INFINITY;
		QuantileMapping quantileMapping;

		double map(double v) {
			if (quantileMapping != null) return quantileMapping.map(v);
			double mapped = scale > 0 ? (v - offset) / scale : (v == v ? 0 : Double.NaN);
			if (offset != offset) return Double.NaN;
			return Math.max(lowClamp, Math.min(highClamp, mapped));
		}
	}

	private static UnitMap unitMap(SortedValues values, int slice,
		NormalizationSettings settings, double[] referenceQuantiles)
	{
		UnitMap map = new UnitMap();
		double mean = values.mean();
		switch (settings.method()) {
			case WINDOW:
				if (settings.windowAsDisplayRange()) {
					map.offset = 0;
					map.scale = 1;
				} else {
					map.offset = settings.windowLowerHu();
					map.scale = settings.windowWidthHu();
					map.lowClamp = 0;
					map.highClamp = 1;
				}
				break;
			case MIN_MAX:
				map.offset = values.min();
				map.scale = values.max() - values.min();
				break;
			case Z_SCORE:
				map.offset = mean;
				map.scale = values.standardDeviation(mean);
				break;
			case PERCENTILE:
				map.offset = values.percentile(settings.lowPercentile());
				map.scale = values.percentile(settings.highPercentile()) - map.offset;
				if (settings.clamp()) {
					map.lowClamp = 0;
					map.highClamp = 1;
				}
				break;
			case HISTOGRAM_MATCHING:
				map.offset = Double.NaN;
				map.scale = Double.NaN;
				if (values.count() > 0) {
					map.quantileMapping = QuantileMapping.of(values.quantiles(settings.quantiles()),
						referenceQuantiles);
				}
				break;
			default:
				throw new IllegalStateException("Unknown method " + settings.method());
		}
		map.statistics = new NormalizationStatistics(slice, values, settings.lowPercentile(),
			settings.highPercentile(), map.offset, map.scale);
		return map;
	}

	private static void apply(FloatVolume hu, VoxelMask mask, FloatVolume out, int z, UnitMap map,
		NormalizationSettings settings)
	{
		float[] in = hu.slices()[z];
		float[] target = out.slices()[z];
		boolean[] plane = mask == null ? null : mask.plane(z);
		OutsideMask outside = settings.outside();
		for (int i = 0; i < in.length; i++) {
			boolean inside = plane == null || plane[i];
			if (inside || outside == OutsideMask.MAPPED) {
				target[i] = (float) map.map(in[i]);
			} else {
				target[i] = outside == OutsideMask.NAN ? Float.NaN : in[i];
			}
		}
	}

	private static double[] displayRange(NormalizationSettings settings,
		SortedValues reference)
	{
		switch (settings.method()) {
			case WINDOW:
				if (settings.windowAsDisplayRange()) {
					return new double[] { settings.windowLowerHu(), settings.windowLowerHu() + settings
						.windowWidthHu() };
				}
				return new double[] { 0, 1 };
			case Z_SCORE:
				return new double[] { -3, 3 };
			case HISTOGRAM_MATCHING:
				return new double[] { reference.percentile(1), reference.percentile(99) };
			default:
				return new double[] { 0, 1 };
		}
	}

	private static String valueUnit(NormalizationSettings settings) {
		switch (settings.method()) {
			case WINDOW:
				return settings.windowAsDisplayRange() ? "HU" : "";
			case Z_SCORE:
				return "SD";
			case HISTOGRAM_MATCHING:
				return "HU";
			default:
				return "";
		}
	}
}
