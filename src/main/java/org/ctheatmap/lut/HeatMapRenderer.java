package org.ctheatmap.lut;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import java.awt.image.DirectColorModel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;

/**
 * Draws a value map over a CT volume, either as an ImageJ overlay that
 * follows the slice slider or as a flattened RGB stack.
 * <p>
 * The map is a 32-bit stack with the volume's width, height and number of
 * slices (depth x frames, ImageJ's slice-then-frame order), in the unit of
 * the settings. For a plain HU heat map it is the HU image itself. Colours
 * follow {@link ColourScale}, transparency {@link HeatMapSettings#isTransparent}.
 * All arithmetic is done here, without AWT compositing, so the results are
 * exact and the same with or without a display. No input is modified.
 * Flattening runs slices in parallel on the common fork-join pool.
 * <p>
 * An optional mask hides the map outside it: {@code mask[n][y * width + x]}
 * with n the 0-based stack index, or the 0-based slice when it has only
 * {@code depth} planes, which then apply to every time point.
 */
public final class HeatMapRenderer {

	private static final String STEP_OVERLAY = "Heat map overlay";
	private static final String STEP_FLATTEN = "Flattened heat map";

	/** Colour model of overlay pixels: 8 bits each of alpha, red, green, blue. */
	private static final DirectColorModel ARGB = new DirectColorModel(32, 0xff0000, 0xff00,
		0xff, 0xff000000);

	private HeatMapRenderer() {}

	/**
	 * Returns an overlay with one {@link ImageRoi} per stack slice, in stack
	 * order. Each covers the whole slice with ARGB pixels: alpha 0 and black
	 * where the map is transparent, else alpha
	 * {@link HeatMapSettings#alpha(double)} and the colormap colour. A ROI's
	 * position is {@code setPosition(0, z, t)} (1-based slice and frame) when
	 * the volume has several frames, else
	 * {@code setPosition(n)} with the 1-based stack index, so it shows only on
	 * its own slice. The ROIs themselves stay at opacity 1 because the alpha is
	 * in the pixels. Memory: 4 bytes per voxel, as much as the HU volume.
	 *
	 * @param progress receives one report per slice
	 * @throws IllegalArgumentException if the map's size differs from the
	 *           volume's
	 */
	public static Overlay overlay(CtVolume volume, ImageStack map, HeatMapSettings settings,
		ProgressListener progress)
	{
		return overlay(volume, map, settings, null, progress);
	}

	/**
	 * Returns the overlay of {@link #overlay(CtVolume, ImageStack,
	 * HeatMapSettings, ProgressListener)}, transparent outside a mask.
	 *
	 * @param mask planes of the stack or of one time point; null for none
	 * @throws IllegalArgumentException if the map's or the mask's size differs
	 *           from the volume's
	 */
	public static Overlay overlay(CtVolume volume, ImageStack map, HeatMapSettings settings,
		boolean[][] mask, ProgressListener progress)
	{
		checkSize(volume, map);
		checkMask(volume, mask);
		int size = map.getSize();
		Overlay overlay = new Overlay();
		for (int n = 1; n <= size; n++) {
			ColorProcessor argb = new ColorProcessor(map.getWidth(), map.getHeight(), argbPixels(
				(float[]) map.getPixels(n), maskPlane(mask, n, volume.depth()), settings));
			argb.setColorModel(ARGB);
			ImageRoi roi = new ImageRoi(0, 0, argb);
			roi.setName("heat map " + n);
			if (volume.frames() > 1) {
				int z = (n - 1) % volume.depth() + 1;
				int t = (n - 1) / volume.depth() + 1;
				roi.setPosition(0, z, t);
			} else {
				roi.setPosition(n);
			}
			overlay.add(roi);
			progress.progress(STEP_OVERLAY, n, size);
		}
		overlay.selectable(false);
		return overlay;
	}

	/**
	 * Sets the display range of an HU image to the settings' window and
	 * attaches the overlay; the image's pixels are not changed.
	 */
	public static void attach(ImagePlus huImage, Overlay overlay, HeatMapSettings settings) {
		CtWindow window = settings.window();
		huImage.setDisplayRange(window.lowerHu(), window.upperHu());
		huImage.setOverlay(overlay);
	}

	/**
	 * Returns a new RGB image, one {@link ColorProcessor} per slice, with the
	 * volume's dimensions and spatial calibration.
	 * <p>
	 * Each pixel starts as the grey level {@code g = window.grey(hu)} of
	 * {@link CtWindow#grey(double)}. Where the map is not transparent, each
	 * channel becomes {@link #blend(int, int, double)} of {@code g} and the
	 * colormap colour with {@code a = settings.opacity(value)}.
	 *
	 * @param title title of the new image
	 * @param progress receives one report per slice
	 * @throws IllegalArgumentException if the map's size differs from the
	 *           volume's
	 */
	public static ImagePlus flatten(CtVolume volume, ImageStack map, HeatMapSettings settings,
		String title, ProgressListener progress)
	{
		return flatten(volume, map, settings, null, title, progress);
	}

	/**
	 * Returns the RGB image of {@link #flatten(CtVolume, ImageStack,
	 * HeatMapSettings, String, ProgressListener)}, showing only grey outside
	 * a mask.
	 *
	 * @param mask planes of the stack or of one time point; null for none
	 * @throws IllegalArgumentException if the map's or the mask's size differs
	 *           from the volume's
	 */
	public static ImagePlus flatten(CtVolume volume, ImageStack map, HeatMapSettings settings,
		boolean[][] mask, String title, ProgressListener progress)
	{
		checkSize(volume, map);
		checkMask(volume, mask);
		ImageStack hu = volume.image().getStack();
		ImageStack rgb = new ImageStack(map.getWidth(), map.getHeight());
		int size = map.getSize();
		int[][] slices = new int[size][];
		Blender blender = new Blender(settings);
		AtomicInteger done = new AtomicInteger();
		IntStream.rangeClosed(1, size).parallel().forEach(n -> {
			slices[n - 1] = flattenPixels((float[]) hu.getPixels(n), (float[]) map.getPixels(n),
				maskPlane(mask, n, volume.depth()), settings, blender);
			report(progress, STEP_FLATTEN, done, size);
		});
		for (int n = 1; n <= size; n++) {
			rgb.addSlice(hu.getSliceLabel(n), new ColorProcessor(map.getWidth(), map.getHeight(),
				slices[n - 1]));
		}
		ImagePlus image = new ImagePlus(title, rgb);
		image.setDimensions(1, volume.depth(), volume.frames());
		if (volume.frames() > 1) image.setOpenAsHyperStack(true);
		Calibration calibration = volume.image().getCalibration();
		Calibration spatial = new Calibration();
		spatial.pixelWidth = calibration.pixelWidth;
		spatial.pixelHeight = calibration.pixelHeight;
		spatial.pixelDepth = calibration.pixelDepth;
		spatial.setUnit(calibration.getUnit());
		image.setCalibration(spatial);
		return image;
	}

	/**
	 * Returns one 8-bit channel of a grey level covered by a colour:
	 * {@code round((1 - a) * grey + a * colour)}, rounding halves up.
	 *
	 * @param grey background level 0..255
	 * @param colour colour channel 0..255
	 * @param a opacity 0..1
	 */
	public static int blend(int grey, int colour, double a) {
		return (int) Math.round((1 - a) * grey + a * colour);
	}

	/**
	 * Returns the ARGB pixels of one map slice; alpha 0 and black where the map
	 * is transparent or outside the mask.
	 *
	 * @param mask the slice's mask plane, or null
	 */
	static int[] argbPixels(float[] values, boolean[] mask, HeatMapSettings settings) {
		ColourScale scale = settings.scale();
		boolean ramp = settings.hasRamp();
		int alpha = settings.alpha() << 24;
		int[] pixels = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			float v = values[i];
			if (settings.isTransparent(v) || mask != null && !mask[i]) continue;
			pixels[i] = (ramp ? settings.alpha(v) << 24 : alpha) | scale.rgb(v);
		}
		return pixels;
	}

	/**
	 * Returns the RGB pixels of one slice: the grey CT blended with the map's
	 * colours where the map is visible.
	 *
	 * @param hu HU of the slice, shown in the settings' window
	 * @param mask the slice's mask plane, or null
	 */
	static int[] flattenPixels(float[] hu, float[] values, boolean[] mask,
		HeatMapSettings settings)
	{
		return flattenPixels(hu, values, mask, settings, new Blender(settings));
	}

	private static int[] flattenPixels(float[] hu, float[] values, boolean[] mask,
		HeatMapSettings settings, Blender blender)
	{
		ColourScale scale = settings.scale();
		CtWindow window = settings.window();
		int[] pixels = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			int grey = window.grey(hu[i]);
			float v = values[i];
			if (settings.isTransparent(v) || mask != null && !mask[i]) {
				pixels[i] = grey << 16 | grey << 8 | grey;
				continue;
			}
			pixels[i] = blender.pixel(grey, scale.rgb(v), v);
		}
		return pixels;
	}

	/**
	 * Counts one finished slice and reports it from a worker thread. Listeners
	 * such as the command-line printer are not thread-safe, so reports go one
	 * at a time, and counting inside the lock keeps them in increasing order.
	 */
	private static void report(ProgressListener progress, String step, AtomicInteger done,
		int total)
	{
		synchronized (progress) {
			progress.progress(step, done.incrementAndGet(), total);
		}
	}

	/** Returns the mask plane of 1-based stack index n, or null without a mask. */
	static boolean[] maskPlane(boolean[][] mask, int n, int depth) {
		if (mask == null) return null;
		return mask.length == depth ? mask[(n - 1) % depth] : mask[n - 1];
	}

	private static void checkMask(CtVolume volume, boolean[][] mask) {
		if (mask == null) return;
		int pixels = volume.width() * volume.height();
		if (mask.length != volume.depth() && mask.length != volume.image().getStackSize()) {
			throw new IllegalArgumentException("Mask of " + mask.length + " planes matches " +
				"neither the " + volume.depth() + " slices nor the " + volume.image()
					.getStackSize() + " stack images");
		}
		for (boolean[] plane : mask) {
			if (plane.length != pixels) {
				throw new IllegalArgumentException("Mask plane of " + plane.length +
					" pixels does not match " + volume.width() + " x " + volume.height());
			}
		}
	}

	private static void checkSize(CtVolume volume, ImageStack map) {
		ImagePlus image = volume.image();
		if (map.getWidth() != image.getWidth() || map.getHeight() != image.getHeight() || map
			.getSize() != image.getStackSize())
		{
			throw new IllegalArgumentException("Value map of " + map.getWidth() + " x " + map
				.getHeight() + " x " + map.getSize() + " pixels does not match the CT volume of " +
				image.getWidth() + " x " + image.getHeight() + " x " + image.getStackSize());
		}
		if (map.getBitDepth() != 32) {
			throw new IllegalArgumentException("Value map must be 32-bit, got " + map
				.getBitDepth() + "-bit");
		}
	}
}
