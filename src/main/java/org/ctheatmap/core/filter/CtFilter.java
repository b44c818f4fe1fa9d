package org.ctheatmap.core.filter;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import org.ctheatmap.core.ProgressListener;

/**
 * Runs a {@link FilterSettings} filter on CT images in HU: 32-bit stacks whose
 * values are HU, or 16-bit stacks whose ImageJ calibration function (a
 * straight line) gives HU.
 * <p>
 * Sizes are in mm and converted per axis with the voxel spacing from the
 * image calibration. The output keeps the input's type and calibration. A
 * 16-bit result is rounded to the nearest stored integer and clamped to
 * 0-65535, so it equals the 32-bit result to within half a calibration
 * step (0.5 HU for a slope of 1). A 4-D hyperstack is filtered one time
 * point at a time.
 * <p>
 * Memory beyond the output: a 32-bit Gaussian needs none (plus one float
 * volume and one bit per voxel when the stack contains NaN). The other
 * filters read from one float copy when they run in place, and a 16-bit
 * input always goes through one float copy in HU.
 */
public final class CtFilter {

	/** Largest median, mean or bilateral neighbourhood, in voxels (a sphere of radius 62). */
	static final long MAX_NEIGHBOURHOOD_VOXELS = 1_000_000;

	/** Image property that records the filter applied, see {@link FilterSettings#describe()}. */
	public static final String PROPERTY_KEY = "CTHeatMap.Filter";

	private CtFilter() {}

	/**
	 * Filters a CT image.
	 *
	 * @param image 32-bit HU or calibrated 16-bit stack, one channel
	 * @param settings filter and size
	 * @param inPlace true to overwrite {@code image}, false to leave it
	 *          unchanged and return a new image
	 * @param progress receives per-step progress
	 * @return {@code image} itself when in place, otherwise a new image with the
	 *         same type, dimensions, calibration and properties
	 * @throws IllegalArgumentException for 8-bit, RGB or multi-channel images, a
	 *           non-linear calibration or a spatial unit that is not a length
	 */
	public static ImagePlus apply(ImagePlus image, FilterSettings settings, boolean inPlace,
		ProgressListener progress)
	{
		int bitDepth = image.getBitDepth();
		if (bitDepth != 16 && bitDepth != 32 || image.getNChannels() > 1) {
			throw new IllegalArgumentException("'" + image.getTitle() + "' is " + bitDepth +
				"-bit with " + image.getNChannels() + " channel(s); filters need one 16-bit " +
				"(calibrated) or 32-bit HU channel");
		}
		double[] spacing = VoxelSpacing.of(image);
		checkSize(settings, spacing, new int[] { image.getWidth(), image.getHeight(), image
			.getNSlices() });
		double[] line = bitDepth == 16 ? VoxelSpacing.huLine(image) : null;
		ImagePlus result = inPlace ? image : emptyCopy(image, settings);
		int frames = image.getNFrames();
		for (int t = 1; t <= frames; t++) {
			ImageStack source = volumeOf(image, t);
			ImageStack target = volumeOf(result, t);
			if (bitDepth == 32) {
				filterFloat(FloatVolume.wrap(source), FloatVolume.wrap(target), spacing, settings,
					progress);
			} else {
				filterShort(source, target, line, spacing, settings, progress);
			}
		}
		result.setProp(PROPERTY_KEY, settings.describe());
		return result;
	}

	/**
	 * Filters a float volume.
	 *
	 * @param source input values; not modified unless it is {@code target}
	 * @param target output volume of the same size; may be {@code source}
	 * @param spacing voxel size along x, y and z in mm
	 * @throws IllegalArgumentException if the volumes differ in size
	 */
	public static void filterFloat(FloatVolume source, FloatVolume target, double[] spacing,
		FilterSettings settings, ProgressListener progress)
	{
		if (source.width() != target.width() || source.height() != target.height() || source
			.depth() != target.depth())
		{
			throw new IllegalArgumentException("Target volume " + target.width() + " x " + target
				.height() + " x " + target.depth() + " differs from the source " + source.width() +
				" x " + source.height() + " x " + source.depth());
		}
		boolean inPlace = source.slices() == target.slices() || source.slices()[0] == target
			.slices()[0];
		if (settings.type() == FilterType.GAUSSIAN) {
			if (!inPlace) copyInto(source, target);
			GaussianFilter.blur(target, sigmaVoxels(settings, spacing), progress);
			return;
		}
		FloatVolume input = inPlace ? source.copy() : source;
		runNeighbourhoodFilter(input, spacing, settings, SliceSink.into(target), progress);
	}

	private static void filterShort(ImageStack source, ImageStack target, double[] line,
		double[] spacing, FilterSettings settings, ProgressListener progress)
	{
		FloatVolume hu = ShortHu.toFloat(source, line);
		if (settings.type() == FilterType.GAUSSIAN) {
			GaussianFilter.blur(hu, sigmaVoxels(settings, spacing), progress);
			for (int z = 0; z < hu.depth(); z++) {
				ShortHu.store(hu.slices()[z], (short[]) target.getPixels(z + 1), line);
			}
			return;
		}
		runNeighbourhoodFilter(hu, spacing, settings, (z, values) -> ShortHu.store(values,
			(short[]) target.getPixels(z + 1), line), progress);
	}

	private static void runNeighbourhoodFilter(FloatVolume input, double[] spacing,
		FilterSettings settings, SliceSink sink, ProgressListener progress)
	{
		switch (settings.type()) {
			case MEDIAN:
				MedianFilter.apply(input, settings.neighbourhood(spacing), sink, progress);
				break;
			case MEAN:
				LocalStatistics.apply(input, settings.neighbourhood(spacing),
					LocalStatistics.Statistic.MEAN, sink, progress);
				break;
			case VARIANCE:
				LocalStatistics.apply(input, settings.neighbourhood(spacing),
					LocalStatistics.Statistic.VARIANCE, sink, progress);
				break;
			case BILATERAL:
				BilateralFilter.apply(input, spacing, settings.sizeMm(), settings.rangeSigmaHu(),
					settings.threeD(), sink, progress);
				break;
			default:
				throw new IllegalStateException("Not a neighbourhood filter: " + settings.type());
		}
	}

	/** Returns the Gaussian sigma per axis in voxels; z is 0 for a 2-D filter. */
	/**
	 * Rejects a sigma or radius wider than the image along a filtered axis, and
	 * neighbourhoods of more than {@value #MAX_NEIGHBOURHOOD_VOXELS} voxels, which
	 * smooth nothing more but would run for hours or overflow the kernel size.
	 *
	 * @param size image width, height and slice count
	 * @throws IllegalArgumentException naming the size in mm and in voxels
	 */
	static void checkSize(FilterSettings settings, double[] spacing, int[] size) {
		String request = settings.type().label() + (settings.type().sizeIsSigma() ? " sigma "
			: " radius ") + settings.sizeMm() + " mm";
		int axes = settings.threeD() ? 3 : 2;
		double count = settings.threeD() ? 4.0 / 3.0 * Math.PI : Math.PI;
		for (int a = 0; a < axes; a++) {
			double voxels = settings.sizeMm() / spacing[a];
			if (voxels > size[a]) {
				throw new IllegalArgumentException(request + " spans " + Math.round(voxels) +
					" voxels along " + "xyz".charAt(a) + ", more than the image's " + size[a] +
					"; choose at most " + size[a] * spacing[a] + " mm");
			}
			count *= Math.max(1, voxels);
		}
		if (settings.type() != FilterType.GAUSSIAN && count > MAX_NEIGHBOURHOOD_VOXELS) {
			throw new IllegalArgumentException(request + " covers about " + Math.round(count) +
				" voxels per neighbourhood, more than " + MAX_NEIGHBOURHOOD_VOXELS +
				"; choose a smaller size or a Gaussian");
		}
	}

	static double[] sigmaVoxels(FilterSettings settings, double[] spacing) {
		double sigma = settings.sizeMm();
		return new double[] { sigma / spacing[0], sigma / spacing[1], settings.threeD() ? sigma /
			spacing[2] : 0 };
	}

	private static void copyInto(FloatVolume source, FloatVolume target) {
		for (int z = 0; z < source.depth(); z++) {
			System.arraycopy(source.slices()[z], 0, target.slices()[z], 0, source.slices()[z].length);
		}
	}

	/** Returns the slices of time point t (1-based) as a stack sharing the pixel arrays. */
	private static ImageStack volumeOf(ImagePlus image, int t) {
		ImageStack all = image.getStack();
		ImageStack volume = new ImageStack(image.getWidth(), image.getHeight());
		for (int z = 1; z <= image.getNSlices(); z++) {
			volume.addSlice(all.getSliceLabel(image.getStackIndex(1, z, t)), all.getPixels(image
				.getStackIndex(1, z, t)));
		}
		return volume;
	}

	private static ImagePlus emptyCopy(ImagePlus image, FilterSettings settings) {
		ImageStack source = image.getStack();
		ImageStack stack = ImageStack.create(image.getWidth(), image.getHeight(), source.getSize(),
			image.getBitDepth());
		for (int n = 1; n <= source.getSize(); n++) {
			stack.setSliceLabel(source.getSliceLabel(n), n);
		}
		ImagePlus copy = new ImagePlus(image.getTitle() + " (" + settings.describe() + ")", stack);
		copy.setDimensions(1, image.getNSlices(), image.getNFrames());
		if (image.getNFrames() > 1) copy.setOpenAsHyperStack(true);
		Calibration cal = image.getCalibration().copy();
		copy.setCalibration(cal);
		String[] keys = image.getPropertiesAsArray();
		if (keys != null) {
			for (int i = 0; i + 1 < keys.length; i += 2) {
				copy.setProp(keys[i], keys[i + 1]);
			}
		}
		if (image.getInfoProperty() != null) copy.setProperty("Info", image.getInfoProperty());
		copy.setDisplayRange(image.getDisplayRangeMin(), image.getDisplayRangeMax());
		return copy;
	}
}
