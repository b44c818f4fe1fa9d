package org.ctheatmap.compare;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * Parametric maps of a contrast-enhanced dynamic series, one value per voxel
 * from its time-intensity curve {@code c(t)} in HU at the frame times
 * {@code t_0 < t_1 < ...} in seconds:
 * <ul>
 * <li>baseline: mean of the first {@code baselineFrames} frames;</li>
 * <li>peak enhancement (HU): {@code max c(t_n) - baseline};</li>
 * <li>time to peak (s): {@code t_p - t_0}, where p is the first frame with
 * the maximum;</li>
 * <li>area under the curve (HU·s): trapezoid integral of
 * {@code c(t) - baseline} from {@code t_0} to the last frame, negative where
 * the curve falls below the baseline;</li>
 * <li>maximum wash-in slope (HU/s): the largest
 * {@code (c(t_n+1) - c(t_n)) / (t_n+1 - t_n)} over the intervals that end at
 * or before the peak; 0 when the peak is the first frame.</li>
 * </ul>
 * A voxel that is NaN in any frame, or outside the optional mask, is NaN in
 * every map. The series is not modified. Instances are immutable; the maps
 * are new volumes on the series' grid.
 */
public final class EnhancementMaps {

	/** Progress step name; one report per slice. */
	public static final String STEP = "Enhancement maps";

	/** Map names with their units, in the order of {@link #maps()}. */
	public static final String[] NAMES = { "Peak enhancement", "Time to peak",
		"Area under the curve", "Maximum wash-in slope" };

	/** Units of the maps, in the order of {@link #NAMES}. */
	public static final String[] UNITS = { "HU", "s", "HU·s", "HU/s" };

	private final PatientVolume peak;
	private final PatientVolume timeToPeak;
	private final PatientVolume area;
	private final PatientVolume slope;
	private final double[] times;
	private final int baselineFrames;

	private EnhancementMaps(PatientVolume peak, PatientVolume timeToPeak, PatientVolume area,
		PatientVolume slope, double[] times, int baselineFrames)
	{
		this.peak = peak;
		this.timeToPeak = timeToPeak;
		this.area = area;
		this.slope = slope;
		this.times = times;
		this.baselineFrames = baselineFrames;
	}

	/**
	 * Computes the maps.
	 *
	 * @param series 4-D CT in HU, frames on the T axis
	 * @param times acquisition time of each frame in seconds, increasing
	 * @param baselineFrames number of leading frames averaged as baseline,
	 *          1 .. frames - 1
	 * @param mask voxels to compute, {@code mask[k][j * width + i]}, or null
	 * @param progress receives one report per slice
	 * @throws IllegalArgumentException if the times do not fit the frames or
	 *           the baseline frame count is out of range
	 */
	public static EnhancementMaps compute(CtVolume series, double[] times, int baselineFrames,
		boolean[][] mask, ProgressListener progress)
	{
		int frames = series.frames();
		double[] t = FrameTimes.checked(times, frames);
		if (baselineFrames < 1 || baselineFrames >= frames) {
			throw new IllegalArgumentException("Baseline frames must be 1 to " + (frames - 1) +
				", got " + baselineFrames);
		}
		PatientVolume[] frameVolumes = new PatientVolume[frames];
		for (int f = 0; f < frames; f++) {
			frameVolumes[f] = PatientVolume.of(series, f + 1);
		}
		int width = series.width();
		int height = series.height();
		int depth = series.depth();
		FloatVolume[] out = new FloatVolume[4];
		for (int m = 0; m < 4; m++) {
			out[m] = FloatVolume.allocate(width, height, depth);
		}
		double[] curve = new double[frames];
		float[][] planes = new float[frames][];
		for (int k = 0; k < depth; k++) {
			for (int f = 0; f < frames; f++) {
				planes[f] = frameVolumes[f].values().slices()[k];
			}
			for (int index = 0; index < width * height; index++) {
				boolean valid = mask == null || mask[k][index];
				for (int f = 0; f < frames && valid; f++) {
					curve[f] = planes[f][index];
					valid = curve[f] == curve[f];
				}
				for (int m = 0; m < 4; m++) {
					double value = valid ? parameter(m, curve, t, baselineFrames) : Double.NaN;
					out[m].slices()[k][index] = (float) value;
				}
			}
			progress.progress(STEP, k + 1, depth);
		}
		return new EnhancementMaps(new PatientVolume(out[0], series.geometry()),
			new PatientVolume(out[1], series.geometry()), new PatientVolume(out[2], series
				.geometry()), new PatientVolume(out[3], series.geometry()), t, baselineFrames);
	}

	/** Returns parameter m (in {@link #NAMES} order) of one curve. */
	static double parameter(int m, double[] curve, double[] t, int baselineFrames) {
		double baseline = 0;
		for (int f = 0; f < baselineFrames; f++) {
			baseline += curve[f];
		}
		baseline /= baselineFrames;
		int peak = 0;
		for (int f = 1; f < curve.length; f++) {
			if (curve[f] > curve[peak]) peak = f;
		}
		switch (m) {
			case 0:
				return curve[peak] - baseline;
			case 1:
				return t[peak] - t[0];
			case 2:
				double sum = 0;
				for (int f = 1; f < curve.length; f++) {
					sum += (t[f] - t[f - 1]) * ((curve[f] + curve[f - 1]) / 2 - baseline);
				}
				return sum;
			default:
				double slope = 0;
				for (int f = 1; f <= peak; f++) {
					slope = Math.max(slope, (curve[f] - curve[f - 1]) / (t[f] - t[f - 1]));
				}
				return slope;
		}
	}

	/** Returns the maps in {@link #NAMES} order. */
	public PatientVolume[] maps() {
		return new PatientVolume[] { peak, timeToPeak, area, slope };
	}

	/** Returns the peak enhancement over baseline, in HU. */
	public PatientVolume peakEnhancement() {
		return peak;
	}

	/** Returns the time to peak from the first frame, in s. */
	public PatientVolume timeToPeak() {
		return timeToPeak;
	}

	/** Returns the area under the enhancement curve, in HU·s. */
	public PatientVolume areaUnderCurve() {
		return area;
	}

	/** Returns the maximum wash-in slope before the peak, in HU/s. */
	public PatientVolume washInSlope() {
		return slope;
	}

	/** Returns the parameters for sidecars and image info. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("frameTimesSeconds", times.clone());
		map.put("baselineFrames", baselineFrames);
		map.put("peakEnhancement", "max HU - mean HU of the baseline frames");
		map.put("timeToPeak", "time of the first maximum - time of the first frame, s");
		map.put("areaUnderCurve", "trapezoid integral of (HU - baseline) over all frames, HU·s");
		map.put("washInSlope", "largest frame-to-frame slope up to the peak, HU/s; 0 when" +
			" the first frame is the peak");
		return map;
	}
}
