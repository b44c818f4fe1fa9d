package org.ctheatmap.io.dicom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.core.PatientGeometry;

/**
 * Derives the voxel grid of a sorted slice stack from the slices' Image
 * Position (Patient) values and reports irregular stacks.
 * <p>
 * The slice spacing is the median distance between consecutive positions
 * measured along the slice normal (row direction x column direction), never
 * Slice Thickness. For a stack whose positions step along another direction
 * than the normal (gantry tilt), the slice direction is the unit step vector
 * and the spacing is the step length, so
 * {@link PatientGeometry#voxelToPatient} reproduces every slice position.
 * <p>
 * Uneven steps, missing slices and positions off a straight line are
 * reported as warnings but kept: the grid then places some slices up to the
 * reported distance away from their true position.
 */
final class SliceGeometry {

	/**
	 * Position tolerance in mm. Header positions are decimal strings, often
	 * with 2 decimals, so two positions can differ by 0.01 mm from rounding.
	 */
	static final double POSITION_TOLERANCE_MM = 0.02;

	/** Step tolerance relative to the median step, for stacks with large steps. */
	static final double RELATIVE_STEP_TOLERANCE = 0.01;

	final PatientGeometry geometry;
	/** Median step between slices along the normal, in mm; NaN for one slice. */
	final double normalSpacing;
	/** Angle between the slice step and the normal in degrees; 0 when not tilted. */
	final double tiltDegrees;
	final List<String> warnings;

	private SliceGeometry(PatientGeometry geometry, double normalSpacing, double tiltDegrees,
		List<String> warnings)
	{
		this.geometry = geometry;
		this.normalSpacing = normalSpacing;
		this.tiltDegrees = tiltDegrees;
		this.warnings = warnings;
	}

	/**
	 * Computes the grid of a stack.
	 *
	 * @param row unit vector of increasing column index (first IOP triplet)
	 * @param column unit vector of increasing row index (second IOP triplet)
	 * @param pixelSpacing DICOM Pixel Spacing in mm: spacing between rows, then
	 *          between columns
	 * @param positions Image Position (Patient) of each slice in mm, sorted by
	 *          increasing projection on the normal, without duplicates
	 * @param names file names in the same order, for warnings
	 * @param singleSliceSpacing spacing in mm to use when there is one slice,
	 *          or NaN when unknown (then 1 mm is used and a warning added)
	 * @param headerTilt Gantry/Detector Tilt in degrees, or NaN when absent;
	 *          only quoted in warnings, the positions decide
	 */
	static SliceGeometry compute(double[] row, double[] column, double[] pixelSpacing,
		List<double[]> positions, List<String> names, double singleSliceSpacing,
		double headerTilt)
	{
		double[] normal = unit(cross(row, column));
		List<String> warnings = new ArrayList<>();
		double[] origin = positions.get(0);
		double[] inPlane = { pixelSpacing[1], pixelSpacing[0] };
		if (positions.size() == 1) {
			double spacing = singleSliceSpacing;
			if (!(spacing > 0)) {
				spacing = 1;
				warnings.add("One slice without Slice Thickness: the slice spacing is set to" +
					" 1 mm.");
			}
			return new SliceGeometry(geometry(origin, row, column, normal, inPlane, spacing),
				Double.NaN, 0, warnings);
		}
		double[] projections = new double[positions.size()];
		for (int i = 0; i < projections.length; i++) {
			projections[i] = dot(positions.get(i), normal);
		}
		double median = medianStep(projections);
		double tolerance = Math.max(POSITION_TOLERANCE_MM, RELATIVE_STEP_TOLERANCE * median);
		checkSteps(projections, median, tolerance, names, warnings);

		double[] span = subtract(positions.get(positions.size() - 1), origin);
		double along = dot(span, normal);
		double[] lateral = subtract(span, scale(normal, along));
		double[] direction = normal;
		double spacing = median;
		double tilt = 0;
		if (norm(lateral) > POSITION_TOLERANCE_MM) {
			direction = unit(span);
			double cosine = along / norm(span);
			tilt = Math.toDegrees(Math.acos(Math.min(1, cosine)));
			spacing = median / cosine;
			warnings.add(String.format(Locale.ROOT, "Gantry tilt: slice positions step %s mm" +
				" along %s, %.2f degrees from the slice normal, so the slices are sheared." +
				" Spacing along the normal is %s mm; the volume keeps the step direction and" +
				" the %s mm step so voxel positions stay exact.%s", mm(spacing), vector(direction),
				tilt, mm(median), mm(spacing), Double.isNaN(headerTilt) ? ""
					: " Gantry/Detector Tilt in the header: " + headerTilt + " degrees."));
		} else if (Math.abs(headerTilt) > 0) {
			warnings.add("Gantry/Detector Tilt is " + headerTilt + " degrees in the header, but" +
				" the slice positions step along the slice normal; the positions are used.");
		}
		checkStraightLine(positions, normal, direction, spacing / median, tolerance, warnings);
		return new SliceGeometry(geometry(origin, row, column, direction, inPlane, spacing),
			median, tilt, warnings);
	}

	/** Warns about steps that differ from the median: missing slices or uneven spacing. */
	private static void checkSteps(double[] projections, double median, double tolerance,
		List<String> names, List<String> warnings)
	{
		double minStep = Double.MAX_VALUE;
		double maxStep = 0;
		int uneven = 0;
		for (int i = 0; i + 1 < projections.length; i++) {
			double step = projections[i + 1] - projections[i];
			long multiple = Math.round(step / median);
			if (Math.abs(step - median) <= tolerance) continue;
			if (multiple >= 2 && Math.abs(step - multiple * median) <= tolerance * multiple) {
				warnings.add(String.format(Locale.ROOT, "Missing slices: the gap between %s and" +
					" %s is %s mm, %d times the usual step of %s mm, so about %d slice(s) are" +
					" missing there.", names.get(i), names.get(i + 1), mm(step), multiple, mm(
						median), multiple - 1));
			} else {
				uneven++;
				minStep = Math.min(minStep, step);
				maxStep = Math.max(maxStep, step);
			}
		}
		if (uneven > 0) {
			warnings.add(String.format(Locale.ROOT, "Uneven slice spacing: %d of %d steps between" +
				" slice positions differ from the median step of %s mm by more than %s mm; they" +
				" range from %s to %s mm.", uneven, projections.length - 1, mm(median), mm(
					tolerance), mm(minStep), mm(maxStep)));
		}
		double offset = maxGridOffset(projections, median);
		if (offset > tolerance) {
			warnings.add(String.format(Locale.ROOT, "With a constant spacing of %s mm, slices are" +
				" placed up to %s mm away from their Image Position (Patient).", mm(median), mm(
					offset)));
		}
	}

	/** Returns the largest distance between a slice's projection and its grid position. */
	private static double maxGridOffset(double[] projections, double median) {
		double offset = 0;
		for (int i = 0; i < projections.length; i++) {
			double expected = projections[0] + i * median;
			offset = Math.max(offset, Math.abs(projections[i] - expected));
		}
		return offset;
	}

	/** Warns when positions leave the line from the first slice along the slice direction. */
	private static void checkStraightLine(List<double[]> positions, double[] normal,
		double[] direction, double stepPerNormalMm, double tolerance, List<String> warnings)
	{
		double[] origin = positions.get(0);
		double worst = 0;
		for (double[] position : positions) {
			double[] offset = subtract(position, origin);
			double along = dot(offset, normal) * stepPerNormalMm;
			worst = Math.max(worst, norm(subtract(offset, scale(direction, along))));
		}
		if (worst > tolerance) {
			warnings.add(String.format(Locale.ROOT, "Slice positions are not on a straight line:" +
				" a slice lies %s mm off the line through the first slice along %s.", mm(worst),
				vector(direction)));
		}
	}

	/**
	 * Returns the median step. For an even count it is the lower of the two
	 * middle values, so one double gap in a short stack reads as a missing slice.
	 */
	private static double medianStep(double[] projections) {
		double[] steps = new double[projections.length - 1];
		for (int i = 0; i < steps.length; i++) {
			steps[i] = projections[i + 1] - projections[i];
		}
		Arrays.sort(steps);
		return steps[(steps.length - 1) / 2];
	}

	private static PatientGeometry geometry(double[] origin, double[] row, double[] column,
		double[] slice, double[] inPlane, double sliceSpacing)
	{
		return new PatientGeometry(origin, row, column, slice, new double[] { inPlane[0],
			inPlane[1], sliceSpacing });
	}

	/** Formats a length in mm with at most 4 decimals, e.g. "2.5" or "2.3708". */
	static String mm(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString();
	}

	private static String vector(double[] v) {
		return String.format(Locale.ROOT, "(%.4f, %.4f, %.4f)", v[0], v[1], v[2]);
	}

	static double[] cross(double[] a, double[] b) {
		return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] -
			a[1] * b[0] };
	}

	static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	private static double norm(double[] a) {
		return Math.sqrt(dot(a, a));
	}

	static double[] unit(double[] a) {
		return scale(a, 1 / norm(a));
	}

	private static double[] scale(double[] a, double factor) {
		return new double[] { a[0] * factor, a[1] * factor, a[2] * factor };
	}

	private static double[] subtract(double[] a, double[] b) {
		return new double[] { a[0] - b[0], a[1] - b[1], a[2] - b[2] };
	}
}
