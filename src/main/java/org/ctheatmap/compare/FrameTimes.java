package org.ctheatmap.compare;

import ij.measure.Calibration;

import java.util.Arrays;

import org.ctheatmap.core.CtVolume;

/** Acquisition times of the frames of a dynamic series, in seconds from the first frame. */
public final class FrameTimes {

	private FrameTimes() {}

	/**
	 * Returns evenly spaced times {@code 0, dt, 2 dt, ...} for the volume's
	 * frames, with {@code dt} from the "FrameIntervalSeconds" metadata (NIfTI
	 * pixdim[4]) or else from the image's frame interval when its time unit is
	 * seconds.
	 *
	 * @throws IllegalArgumentException if the volume has fewer than 2 frames
	 *           or carries no frame interval
	 */
	public static double[] of(CtVolume volume) {
		return of(volume, volume.image().getCalibration());
	}

	/**
	 * Returns evenly spaced times as {@link #of(CtVolume)} does, but reads the
	 * frame interval from {@code calibration} when the metadata has none, for
	 * a volume converted from an image that carried the calibration.
	 *
	 * @throws IllegalArgumentException if the volume has fewer than 2 frames
	 *           or no frame interval is found
	 */
	public static double[] of(CtVolume volume, Calibration calibration) {
		double interval = interval(volume, calibration);
		if (!(interval > 0)) {
			throw new IllegalArgumentException("'" + volume.image().getTitle() + "' carries no" +
				" frame interval in seconds; give the frame interval");
		}
		return evenly(volume.frames(), interval);
	}

	/**
	 * Returns {@code frames} times spaced by {@code intervalSeconds}.
	 *
	 * @throws IllegalArgumentException if there are fewer than 2 frames or the
	 *           interval is not positive and finite
	 */
	public static double[] evenly(int frames, double intervalSeconds) {
		if (frames < 2) {
			throw new IllegalArgumentException("A dynamic series needs at least 2 frames, got " +
				frames);
		}
		if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
			throw new IllegalArgumentException("The frame interval must be above 0 s, got " +
				intervalSeconds + " s");
		}
		double[] times = new double[frames];
		for (int t = 0; t < frames; t++) {
			times[t] = t * intervalSeconds;
		}
		return times;
	}

	/**
	 * Checks explicit times: one per frame, finite and strictly increasing.
	 *
	 * @throws IllegalArgumentException naming the problem
	 */
	public static double[] checked(double[] times, int frames) {
		if (times.length != frames || frames < 2) {
			throw new IllegalArgumentException("Give one time per frame (" + frames +
				" frames, at least 2), got " + times.length);
		}
		for (int t = 0; t < times.length; t++) {
			if (!Double.isFinite(times[t]) || (t > 0 && !(times[t] > times[t - 1]))) {
				throw new IllegalArgumentException("Frame times must be finite and increasing," +
					" got " + Arrays.toString(times));
			}
		}
		return times.clone();
	}

	private static double interval(CtVolume volume, Calibration calibration) {
		String text = volume.metadata().get("FrameIntervalSeconds");
		if (text != null) {
			try {
				return Double.parseDouble(text.trim());
			} catch (NumberFormatException e) {
				// Fall back to the calibration below.
			}
		}
		String unit = calibration.getTimeUnit();
		boolean seconds = unit != null && (unit.equals("s") || unit.startsWith("sec"));
		return seconds ? calibration.frameInterval : 0;
	}
}
