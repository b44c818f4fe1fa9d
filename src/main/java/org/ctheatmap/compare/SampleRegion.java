package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.ProgressListener;

/**
 * Sampling region of a registration: the bounding box of the baseline body
 * mask widened by a margin, plus the centres of mass of both body masks,
 * which set the rotation centre and the starting translation.
 */
final class SampleRegion {

	private final double[] fixedCentre;
	private final double[] movingCentre;
	private final int[] lower;
	private final int[] upper;
	private final double radiusMm;
	private final double normalOffsetMm;
	private int lastSamples;

	private SampleRegion(double[] fixedCentre, double[] movingCentre, int[] lower, int[] upper,
		double radiusMm, double normalOffsetMm)
	{
		this.fixedCentre = fixedCentre;
		this.movingCentre = movingCentre;
		this.lower = lower;
		this.upper = upper;
		this.radiusMm = radiusMm;
		this.normalOffsetMm = normalOffsetMm;
	}

	/**
	 * Finds the body masks of both volumes (see {@link BodyMask}); a volume
	 * without body voxels uses its grid centre, with a warning.
	 */
	static SampleRegion of(PatientVolume fixed, PatientVolume moving, double marginMm,
		List<String> warnings)
	{
		boolean[][] fixedMask = mask(fixed);
		boolean[][] movingMask = mask(moving);
		double[] fixedIndex = centreIndex(fixedMask, fixed, "baseline", warnings);
		double[] movingIndex = centreIndex(movingMask, moving, "follow-up", warnings);
		GridAffine fixedAffine = new GridAffine(fixed.geometry());
		double[] fixedCentre = fixedAffine.toPatient(fixedIndex[0], fixedIndex[1], fixedIndex[2]);
		double[] movingCentre = new GridAffine(moving.geometry()).toPatient(movingIndex[0],
			movingIndex[1], movingIndex[2]);

		int[] sizes = { fixed.width(), fixed.height(), fixed.depth() };
		int[] lower = { sizes[0], sizes[1], sizes[2] };
		int[] upper = { -1, -1, -1 };
		double squares = 0;
		long count = 0;
		for (int k = 0; k < sizes[2]; k++) {
			for (int j = 0; j < sizes[1]; j++) {
				for (int i = 0; i < sizes[0]; i++) {
					if (!fixedMask[k][j * sizes[0] + i]) continue;
					int[] index = { i, j, k };
					for (int a = 0; a < 3; a++) {
						lower[a] = Math.min(lower[a], index[a]);
						upper[a] = Math.max(upper[a], index[a]);
					}
					double[] p = fixedAffine.toPatient(i, j, k);
					squares += squared(p, fixedCentre);
					count++;
				}
			}
		}
		double[] spacing = fixed.geometry().spacing();
		for (int a = 0; a < 3; a++) {
			if (count == 0) {
				lower[a] = 0;
				upper[a] = sizes[a] - 1;
				continue;
			}
			int margin = (int) Math.ceil(marginMm / spacing[a]);
			lower[a] = Math.max(0, lower[a] - margin);
			upper[a] = Math.min(sizes[a] - 1, upper[a] + margin);
		}
		double radius = count == 0 ? 1 : Math.max(1, Math.sqrt(squares / count));
		double[] normal = fixed.geometry().normal();
		double[] originShift = difference(moving.geometry().origin(), fixed.geometry().origin());
		double offset = originShift[0] * normal[0] + originShift[1] * normal[1] + originShift[2] *
			normal[2];
		return new SampleRegion(fixedCentre, movingCentre, lower, upper, radius, offset);
	}

	/** Returns the rotation centre: the baseline body's centre of mass in mm. */
	double[] centre() {
		return fixedCentre.clone();
	}

	/** Returns the follow-up body's centre of mass minus the baseline's, in mm. */
	double[] centreShift() {
		return difference(movingCentre, fixedCentre);
	}

	/** Returns the RMS distance in mm of the baseline body voxels from the centre, at least 1. */
	double radiusMm() {
		return radiusMm;
	}

	/** Returns the number of sample points of the last metric built. */
	int fullSamples() {
		return lastSamples;
	}

	/** Returns the note that 2-D registration ignores the distance between the slices. */
	String planarOffsetNote() {
		return String.format(Locale.ROOT, "The follow-up slice lies %.2f mm from the baseline" +
			" slice along its normal; 2-D registration ignores that offset", normalOffsetMm);
	}

	/**
	 * Builds the metric of one level from the level's baseline voxels whose
	 * full-resolution index lies in the region: all of them, or a random
	 * subset of about {@code maxSamples} drawn with {@code seed}.
	 */
	PointMetric metric(RegistrationMetric kind, PatientVolume fixedLevel, int[] factors,
		PatientVolume movingLevel, boolean planar, int maxSamples, long seed)
	{
		int[] from = new int[3];
		int[] to = new int[3];
		for (int a = 0; a < 3; a++) {
			from[a] = (lower[a] + factors[a] - 1) / factors[a];
			to[a] = upper[a] / factors[a];
		}
		long candidates = (long) (to[0] - from[0] + 1) * (to[1] - from[1] + 1) * (to[2] -
			from[2] + 1);
		double keep = Math.min(1, maxSamples / (double) candidates);
		Random random = new Random(seed);
		int capacity = (int) Math.min(candidates, (long) (maxSamples * 1.1) + 64);
		double[] points = new double[3 * capacity];
		float[] values = new float[capacity];
		int n = 0;
		GridAffine affine = new GridAffine(fixedLevel.geometry());
		for (int k = from[2]; k <= to[2]; k++) {
			for (int j = from[1]; j <= to[1]; j++) {
				for (int i = from[0]; i <= to[0]; i++) {
					if (keep < 1 && random.nextDouble() >= keep) continue;
					float value = fixedLevel.values().get(i, j, k);
					if (value != value || n == capacity) continue;
					double[] p = affine.toPatient(i, j, k);
					System.arraycopy(p, 0, points, 3 * n, 3);
					values[n++] = value;
				}
			}
		}
		lastSamples = n;
		double[] kept = Arrays.copyOf(points, 3 * n);
		float[] keptValues = Arrays.copyOf(values, n);
		if (kind == RegistrationMetric.MATTES_MI) {
			return new MattesMetric(kept, keptValues, fixedCentre, movingLevel, planar);
		}
		return new NccMetric(kept, keptValues, fixedCentre, movingLevel, planar);
	}

	private static boolean[][] mask(PatientVolume volume) {
		return BodyMask.compute(volume.values().slices(), volume.width(), volume.height(),
			ProgressListener.NONE);
	}

	/** Returns the mean voxel index of a mask, or the grid centre when it is empty. */
	private static double[] centreIndex(boolean[][] mask, PatientVolume volume, String role,
		List<String> warnings)
	{
		double[] sum = new double[3];
		long count = 0;
		int width = volume.width();
		for (int k = 0; k < mask.length; k++) {
			for (int index = 0; index < mask[k].length; index++) {
				if (!mask[k][index]) continue;
				sum[0] += index % width;
				sum[1] += index / width;
				sum[2] += k;
				count++;
			}
		}
		if (count == 0) {
			warnings.add("The " + role + " has no voxel above " + BodyMask.THRESHOLD_HU +
				" HU; registration starts from its grid centre");
			return new double[] { (width - 1) / 2.0, (volume.height() - 1) / 2.0,
				(volume.depth() - 1) / 2.0 };
		}
		return new double[] { sum[0] / count, sum[1] / count, sum[2] / count };
	}

	private static double squared(double[] a, double[] b) {
		double[] d = difference(a, b);
		return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
	}

	private static double[] difference(double[] a, double[] b) {
		return new double[] { a[0] - b[0], a[1] - b[1], a[2] - b[2] };
	}
}
