package org.ctheatmap.compare;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * Resamples a volume onto another voxel grid in patient coordinates, so that
 * two scans of one frame of reference line up voxel by voxel whatever their
 * spacing, orientation or gantry tilt.
 * <p>
 * For each target voxel (i, j, k) the resampler takes its centre p in patient
 * space (mm), maps it through the transform to {@code q = T(p)} in the
 * source's patient space, converts q to a fractional source index through the
 * source geometry's inverse (see {@link GridAffine}) and interpolates there.
 * Target voxels outside the source's extent get NaN; see
 * {@link VolumeSampler} for the extent and planar rules. The source is not
 * modified. Slices are resampled in parallel on the common fork-join pool.
 */
public final class Resampler {

	/** Progress step name, one report per target slice. */
	public static final String STEP = "Resampling";

	private Resampler() {}

	/**
	 * Resamples a volume onto the grid of another, without a transform.
	 *
	 * @param grid volume whose dimensions and geometry define the target grid;
	 *          its values are not read
	 * @return a new volume on {@code grid}'s grid
	 */
	public static PatientVolume onto(PatientVolume source, PatientVolume grid,
		Interpolation interpolation, ProgressListener progress)
	{
		return onto(source, grid, RigidTransform.identity(), interpolation, false, progress);
	}

	/**
	 * Resamples a volume onto the grid of another through a rigid transform.
	 *
	 * @param source values to read
	 * @param grid volume whose dimensions and geometry define the target grid;
	 *          its values are not read
	 * @param transform maps target patient coordinates to source patient
	 *          coordinates (baseline to follow-up)
	 * @param planar whether to ignore the source's slice index, for comparing
	 *          single slices in 2-D; needs a source of depth 1
	 * @param progress receives one report per target slice
	 * @return a new volume on {@code grid}'s grid
	 * @throws IllegalArgumentException if {@code planar} is set for a source
	 *           with several slices
	 */
	public static PatientVolume onto(PatientVolume source, PatientVolume grid,
		RigidTransform transform, Interpolation interpolation, boolean planar,
		ProgressListener progress)
	{
		FloatVolume values = resample(source, grid.geometry(), grid.width(), grid.height(), grid
			.depth(), transform, interpolation, planar, progress);
		return new PatientVolume(values, grid.geometry());
	}

	/**
	 * Resamples a volume onto a grid given by its geometry and size.
	 *
	 * @param target geometry of the target grid
	 * @param width target columns
	 * @param height target rows
	 * @param depth target slices
	 * @return new values on the target grid, NaN outside the source
	 */
	public static FloatVolume resample(PatientVolume source, PatientGeometry target, int width,
		int height, int depth, RigidTransform transform, Interpolation interpolation,
		boolean planar, ProgressListener progress)
	{
		if (planar && source.depth() != 1) {
			throw new IllegalArgumentException("Planar resampling needs a single slice, got " +
				source.depth() + " slices");
		}
		IndexMap map = IndexMap.between(target, source.geometry(), transform);
		VolumeSampler sampler = new VolumeSampler(source.values(), planar);
		FloatVolume out = FloatVolume.allocate(width, height, depth);
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, depth).parallel().forEach(k -> {
			resampleSlice(map, sampler, interpolation, k, out.slices()[k], width, height);
			int finished = done.incrementAndGet();
			synchronized (done) {
				progress.progress(STEP, finished, depth);
			}
		});
		return out;
	}

	private static void resampleSlice(IndexMap map, VolumeSampler sampler,
		Interpolation interpolation, int k, float[] slice, int width, int height)
	{
		double[] u = new double[3];
		double[] step = map.columnStep();
		for (int j = 0; j < height; j++) {
			map.index(0, j, k, u);
			for (int i = 0; i < width; i++) {
				double value = sampler.sample(u[0] + i * step[0], u[1] + i * step[1], u[2] + i *
					step[2], interpolation);
				slice[j * width + i] = (float) value;
			}
		}
	}
}
