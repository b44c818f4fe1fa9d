package org.ctheatmap.compare;

import java.util.Arrays;

import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormap;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Display settings of a difference map: a diverging colormap over a range
 * symmetric about zero, so no change gets the colormap's middle entry, gains
 * the upper half and losses the lower half.
 * <p>
 * With the range {@code -L..L}, {@link org.ctheatmap.lut.ColourScale} gives 0
 * entry 128, +L entry 255 and -L entry 0. Only NaN voxels (outside the
 * overlap or the mask) are transparent.
 */
public final class DifferenceDisplay {

	/** Default percentile of |change| that sets the automatic range. */
	public static final double DEFAULT_PERCENTILE = 99;

	private DifferenceDisplay() {}

	/**
	 * Returns the heat-map settings for a difference map.
	 *
	 * @param colormap a diverging table such as coolwarm or RdBu
	 * @param limit half-width L of the range -L..L, in the map's unit
	 * @param unit "ΔHU" or "%"
	 * @param window CT window of the grey background
	 * @param opacity opacity of the colours, 0..1
	 * @throws IllegalArgumentException if the limit is not positive and finite
	 */
	public static HeatMapSettings settings(Colormap colormap, double limit, String unit,
		CtWindow window, double opacity)
	{
		if (!(limit > 0) || Double.isInfinite(limit)) {
			throw new IllegalArgumentException("The colour range of a difference map needs a" +
				" limit above 0, got " + limit + " " + unit);
		}
		return HeatMapSettings.builder(colormap, -limit, limit).unit(unit).window(window)
			.opacity(opacity).build();
	}

	/** Returns a colour bar titled "Change" with the map's unit. */
	public static ColourBar colourBar(HeatMapSettings settings) {
		return new ColourBar(settings.scale(), "Change", settings.unit());
	}

	/**
	 * Returns an automatic half-width: the given percentile of |value| over the
	 * voxels that are not NaN (and inside the mask, when given), rounded up to
	 * 1, 2, 2.5 or 5 times a power of ten. Returns 1 when no voxel counts or
	 * all are 0.
	 *
	 * @param mask voxels to use, or null for all
	 * @param percentile 0..100; the order statistic at rank
	 *          {@code ceil(p / 100 * n) - 1} of the sorted magnitudes
	 */
	public static double automaticLimit(FloatVolume map, boolean[][] mask, double percentile) {
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new IllegalArgumentException("Percentile must be between 0 and 100, got " +
				percentile);
		}
		int size = map.width() * map.height();
		int n = 0;
		for (int k = 0; k < map.depth(); k++) {
			for (int index = 0; index < size; index++) {
				if (counts(map, mask, k, index)) n++;
			}
		}
		float[] magnitudes = new float[n];
		n = 0;
		for (int k = 0; k < map.depth(); k++) {
			for (int index = 0; index < size; index++) {
				if (counts(map, mask, k, index)) magnitudes[n++] = Math.abs(map.slices()[k][index]);
			}
		}
		if (n == 0) return 1;
		Arrays.sort(magnitudes, 0, n);
		int rank = Math.max(0, (int) Math.ceil(percentile / 100 * n) - 1);
		double value = magnitudes[rank];
		return value > 0 ? niceCeiling(value) : 1;
	}

	private static boolean counts(FloatVolume map, boolean[][] mask, int k, int index) {
		float v = map.slices()[k][index];
		return v == v && (mask == null || mask[k][index]);
	}

	/** Returns the smallest of 1, 2, 2.5 and 5 times a power of ten that is at least x > 0. */
	static double niceCeiling(double x) {
		double power = Math.pow(10, Math.floor(Math.log10(x)));
		for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
			// A relative tolerance keeps 20.000000001 from rounding up to 25.
			if (factor * power >= x * (1 - 1e-9)) return factor * power;
		}
		return 10 * power;
	}
}
