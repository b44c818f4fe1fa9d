package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of {@link RigidRegistration}. Instances are immutable.
 * <p>
 * Levels: the images are registered from coarse to fine. At a level of
 * {@code L} mm each axis is reduced by the whole factor
 * {@code max(1, round(L / spacing))} after a Gaussian of sigma half the
 * factor, in voxels; a level that would reduce no axis of either image is the
 * full resolution. The finest level is always the full resolution.
 */
public final class RegistrationSettings {

	/** Coarse-to-fine level spacings in mm before the full resolution. */
	public static final double[] DEFAULT_LEVELS_MM = { 8, 4, 2 };

	/** Default number of sample points per level. */
	public static final int DEFAULT_SAMPLES = 100_000;

	/** Default limit of optimiser iterations per level. */
	public static final int DEFAULT_ITERATIONS = 300;

	/** Settings with the default levels, samples and iterations. */
	public static final RegistrationSettings DEFAULT = new RegistrationSettings(
		DEFAULT_LEVELS_MM, DEFAULT_SAMPLES, DEFAULT_ITERATIONS, true);

	/** The default settings with Mattes mutual information as metric. */
	public static final RegistrationSettings MUTUAL_INFORMATION = DEFAULT.withMetric(
		RegistrationMetric.MATTES_MI);

	private final double[] levelsMm;
	private final int samples;
	private final int iterations;
	private final boolean initialiseFromCentres;
	private final RegistrationMetric metric;

	/**
	 * @param levelsMm coarse-to-fine level spacings in mm, each positive and
	 *          decreasing; may be empty for the full resolution only
	 * @param samples maximum number of fixed-image points sampled per level,
	 *          at least 100
	 * @param iterations maximum optimiser iterations per level, at least 1
	 * @param initialiseFromCentres whether to start from the translation
	 *          between the centres of mass of the two body masks rather than
	 *          from the identity
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public RegistrationSettings(double[] levelsMm, int samples, int iterations,
		boolean initialiseFromCentres)
	{
		this(levelsMm, samples, iterations, initialiseFromCentres, RegistrationMetric.NCC);
	}

	private RegistrationSettings(double[] levelsMm, int samples, int iterations,
		boolean initialiseFromCentres, RegistrationMetric metric)
	{
		for (int l = 0; l < levelsMm.length; l++) {
			if (!(levelsMm[l] > 0) || Double.isInfinite(levelsMm[l]) || (l > 0 &&
				levelsMm[l] >= levelsMm[l - 1]))
			{
				throw new IllegalArgumentException("Registration levels must be positive and" +
					" decreasing, in mm, got " + Arrays.toString(levelsMm));
			}
		}
		if (samples < 100) {
			throw new IllegalArgumentException("Registration needs at least 100 samples per" +
				" level, got " + samples);
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("Registration needs at least 1 iteration per" +
				" level, got " + iterations);
		}
		this.levelsMm = levelsMm.clone();
		this.samples = samples;
		this.iterations = iterations;
		this.initialiseFromCentres = initialiseFromCentres;
		this.metric = metric;
	}

	/** Returns a copy with another similarity measure. */
	public RegistrationSettings withMetric(RegistrationMetric value) {
		return new RegistrationSettings(levelsMm, samples, iterations, initialiseFromCentres,
			value);
	}

	/** Returns the similarity measure; NCC unless set otherwise. */
	public RegistrationMetric metric() {
		return metric;
	}

	/** Returns the coarse-to-fine level spacings in mm, before the full resolution. */
	public double[] levelsMm() {
		return levelsMm.clone();
	}

	/** Returns the maximum number of sample points per level. */
	public int samples() {
		return samples;
	}

	/** Returns the maximum number of optimiser iterations per level. */
	public int iterations() {
		return iterations;
	}

	/** Returns whether the start is the translation between body-mask centres of mass. */
	public boolean initialiseFromCentres() {
		return initialiseFromCentres;
	}

	/** Returns the settings for sidecars, units in the keys. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("metric", metric.description());
		map.put("levelsMm", levelsMm.clone());
		map.put("samplesPerLevel", samples);
		map.put("maxIterationsPerLevel", iterations);
		map.put("initialisation", initialiseFromCentres ? "centres of mass of the body masks"
			: "identity");
		map.put("optimizer", "regular step gradient descent");
		return map;
	}
}
