package org.ctheatmap.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.core.ProgressListener;

/**
 * Rigid registration of a follow-up (moving) volume to a baseline (fixed)
 * volume: rotation and translation in patient coordinates, maximising the
 * normalised cross-correlation (NCC) of HU or their Mattes mutual information
 * (see {@link RegistrationMetric}).
 * <p>
 * Method: both volumes are clamped to -1024..3071 HU (see {@link Pyramid}).
 * The rotation centre is the centre of mass of the baseline's body mask, and
 * the start is the translation between the two body masks' centres of mass
 * (or the identity, see {@link RegistrationSettings}). Registration then runs
 * from coarse to fine levels with a regular step gradient ascent on the
 * metric's analytic gradient. Each step has a fixed length along the gradient.
 * Rotations are scaled by the RMS distance of the sample points from the
 * centre, so 1 radian weighs as much as that many mm. The step halves
 * whenever the gradient turns by more than 90 degrees, and a level ends when
 * the step falls below 0.5 % of the level spacing (converged) or after the
 * iteration limit (not converged, with a warning). Sample points are the
 * baseline voxels of each level inside the body's bounding box widened by
 * {@value #MARGIN_MM} mm, a seeded random subset when there are more than
 * the settings allow, so results are reproducible.
 * <p>
 * Two single slices are registered in 2-D: rotation about the patient axis
 * closest to the baseline's slice normal and translation along the other two
 * axes, reading the follow-up slice in planar mode (see
 * {@link VolumeSampler}). Neither input is modified.
 */
public final class RigidRegistration {

	/** Progress step name; one report per level. */
	public static final String STEP = "Registering";

	/** Width in mm of the band around the body's bounding box that is sampled too. */
	static final double MARGIN_MM = 10;

	/** Final NCC below which a warning reports that the images may not match. */
	static final double LOW_NCC = 0.5;

	/** Smallest optimiser step as a fraction of the level spacing. */
	static final double MIN_STEP_FRACTION = 0.005;

	/** Seed of the sample selection. */
	private static final long SEED = 20260105L;

	/** Largest angle in degrees between a slice normal and a patient axis for 2-D registration. */
	private static final double PLANAR_AXIS_DEGREES = 1;

	private RigidRegistration() {}

	/**
	 * Registers a follow-up to a baseline.
	 *
	 * @param fixed baseline HU in its patient space
	 * @param moving follow-up HU in its patient space
	 * @param progress receives one report per level
	 * @return the transform from baseline to follow-up coordinates, to pass to
	 *         {@link Resampler#onto(PatientVolume, PatientVolume, RigidTransform,
	 *         Interpolation, boolean, ProgressListener)}
	 * @throws IllegalArgumentException if only one input is a single slice, or
	 *           2-D slices are oblique to every patient axis
	 */
	public static RegistrationResult register(PatientVolume fixed, PatientVolume moving,
		RegistrationSettings settings, ProgressListener progress)
	{
		long started = System.nanoTime();
		boolean planar = planar(fixed, moving);
		List<String> warnings = new ArrayList<>();
		PatientVolume fixedHu = Pyramid.clamped(fixed);
		PatientVolume movingHu = Pyramid.clamped(moving);
		SampleRegion region = SampleRegion.of(fixedHu, movingHu, MARGIN_MM, warnings);
		boolean[] active = activeParameters(fixed, planar);
		double[] parameters = new double[6];
		if (settings.initialiseFromCentres()) {
			double[] shift = region.centreShift();
			for (int a = 0; a < 3; a++) {
				parameters[3 + a] = active[3 + a] ? shift[a] : 0;
			}
		}
		double[] start = parameters.clone();
		List<Level> levels = levels(fixedHu, movingHu, settings.levelsMm());
		int[] iterations = new int[levels.size()];
		boolean converged = true;
		PointMetric metric = null;
		for (int l = 0; l < levels.size(); l++) {
			progress.progress(STEP, l, levels.size());
			Level level = levels.get(l);
			PatientVolume fixedLevel = Pyramid.reduce(fixedHu, level.fixedFactors);
			PatientVolume movingLevel = Pyramid.reduce(movingHu, level.movingFactors);
			metric = region.metric(settings.metric(), fixedLevel, level.fixedFactors, movingLevel,
				planar, settings.samples(), SEED + l);
			Optimiser optimiser = new Optimiser(metric, active, region.radiusMm());
			iterations[l] = optimiser.run(parameters, level.spacingMm / 2, level.spacingMm *
				MIN_STEP_FRACTION, settings.iterations());
			if (!optimiser.converged()) {
				converged = false;
				warnings.add(String.format(Locale.ROOT, "Registration did not converge at the" +
					" %.3g mm level within %d iterations; check the aligned images",
					level.spacingMm, settings.iterations()));
			}
		}
		progress.progress(STEP, levels.size(), levels.size());
		double[] gradient = new double[6];
		double startMetric = metric.evaluate(start, gradient);
		double finalMetric = metric.evaluate(parameters, gradient);
		int inside = metric.lastCount();
		checkResult(settings.metric(), finalMetric, inside, region.fullSamples(), warnings);
		if (planar) warnings.add(region.planarOffsetNote());
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		return new RegistrationResult(transform(parameters, region.centre()), transform(start,
			region.centre()), settings.metric(), startMetric, finalMetric, converged, planar,
			iterations, inside, elapsed, warnings);
	}

	private static RigidTransform transform(double[] parameters, double[] centre) {
		return RigidTransform.of(RigidTransform.rotationMatrix(parameters[0], parameters[1],
			parameters[2]), new double[] { parameters[3], parameters[4], parameters[5] }, centre);
	}

	private static boolean planar(PatientVolume fixed, PatientVolume moving) {
		boolean fixedSlice = fixed.depth() == 1;
		boolean movingSlice = moving.depth() == 1;
		if (fixedSlice != movingSlice) {
			throw new IllegalArgumentException("Cannot register a single slice to a volume of " +
				Math.max(fixed.depth(), moving.depth()) +
				" slices; give two volumes or two slices");
		}
		return fixedSlice;
	}

	/** Returns which of the 6 parameters are optimised: all in 3-D, 3 in 2-D. */
	private static boolean[] activeParameters(PatientVolume fixed, boolean planar) {
		if (!planar) return new boolean[] { true, true, true, true, true, true };
		double[] normal = fixed.geometry().normal();
		for (int axis = 0; axis < 3; axis++) {
			if (Math.abs(normal[axis]) >= Math.cos(Math.toRadians(PLANAR_AXIS_DEGREES))) {
				boolean[] active = new boolean[6];
				active[axis] = true;
				for (int a = 0; a < 3; a++) {
					active[3 + a] = a != axis;
				}
				return active;
			}
		}
		throw new IllegalArgumentException("2-D registration needs axial, coronal or sagittal" +
			" slices; the baseline slice normal is " + Arrays.toString(normal));
	}

	/**
	 * Returns the levels, coarse to fine, without those that reduce neither
	 * volume or repeat the previous level. The last level is the full
	 * resolution, and its spacing is the baseline's finest.
	 */
	private static List<Level> levels(PatientVolume fixed, PatientVolume moving,
		double[] levelsMm)
	{
		List<Level> levels = new ArrayList<>();
		for (double mm : levelsMm) {
			Level level = new Level(Pyramid.factors(fixed, mm), Pyramid.factors(moving, mm), mm);
			if (level.isFull()) continue;
			if (!levels.isEmpty() && levels.get(levels.size() - 1).sameFactors(level)) continue;
			levels.add(level);
		}
		double[] spacing = fixed.geometry().spacing();
		int[] sizes = { fixed.width(), fixed.height(), fixed.depth() };
		double finest = Double.POSITIVE_INFINITY;
		for (int a = 0; a < 3; a++) {
			if (sizes[a] > 1) finest = Math.min(finest, spacing[a]);
		}
		levels.add(new Level(new int[] { 1, 1, 1 }, new int[] { 1, 1, 1 }, finest));
		return levels;
	}

	private static void checkResult(RegistrationMetric kind, double finalMetric, int inside,
		int total, List<String> warnings)
	{
		if (kind == RegistrationMetric.NCC && !(finalMetric >= LOW_NCC)) {
			warnings.add(String.format(Locale.ROOT, "Low similarity after registration (NCC" +
				" %.3f): the images may not show the same anatomy", finalMetric));
		}
		if (inside < total / 2) {
			warnings.add("Only " + inside + " of " + total + " baseline sample points lie inside" +
				" the aligned follow-up; the overlap is small");
		}
	}

	/** Reduction factors of both volumes at one level and the spacing that sets its steps. */
	private static final class Level {

		final int[] fixedFactors;
		final int[] movingFactors;
		final double spacingMm;

		Level(int[] fixedFactors, int[] movingFactors, double spacingMm) {
			this.fixedFactors = fixedFactors;
			this.movingFactors = movingFactors;
			this.spacingMm = spacingMm;
		}

		boolean isFull() {
			for (int a = 0; a < 3; a++) {
				if (fixedFactors[a] != 1 || movingFactors[a] != 1) return false;
			}
			return true;
		}

		boolean sameFactors(Level other) {
			return Arrays.equals(fixedFactors, other.fixedFactors) && Arrays.equals(movingFactors,
				other.movingFactors);
		}
	}
}
