package org.ctheatmap.lut;

import ij.ImageStack;
import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;

/**
 * A colour bar image: the gradient of a {@link ColourScale}, round tick values
 * with labels, a title and the value unit. Its size is in image pixels, so it
 * does not change with the display zoom.
 * <p>
 * Pixel {@code p} of the gradient (0-based from the minimum end, out of
 * {@code length}) shows the colour of the value at its centre,
 * {@code minimum + (p + 0.5) / length * (maximum - minimum)}, and a tick at
 * value v sits on pixel {@code min(length - 1, floor((v - minimum) /
 * (maximum - minimum) * length))}. With the default length of 256 each pixel is
 * exactly one colormap entry, so the colour at a tick is the colour of its
 * value. Other lengths can be one entry off.
 * <p>
 * Text uses the logical font "SansSerif", so rendering needs a font on the
 * system also with {@code java.awt.headless=true} (on Debian, fonts-dejavu-core).
 * Instances are immutable; the {@code with...} methods return copies.
 */
public final class ColourBar {

	/** Direction of the gradient: vertical runs bottom (minimum) to top (maximum). */
	public enum Orientation {
		VERTICAL, HORIZONTAL
	}

	private static final int MARGIN = 6;
	private static final int TICK_LENGTH = 5;
	private static final int LABEL_GAP = 3;

	private final ColourScale scale;
	private final String title;
	private final String unit;
	private final Orientation orientation;
	private final int length;
	private final int thickness;
	private final int fontSize;
	private final Color background;
	private final Color foreground;

	/**
	 * Creates a vertical bar of 256 x 20 pixels with 12-point white text on
	 * black.
	 *
	 * @param title text above the bar, e.g. "Density"; may be empty
	 * @param unit unit of the scale's values, e.g. "HU", shown below the title
	 */
	public ColourBar(ColourScale scale, String title, String unit) {
		this(scale, title, unit, Orientation.VERTICAL, 256, 20, 12, Color.BLACK, Color.WHITE);
	}

	private ColourBar(ColourScale scale, String title, String unit, Orientation orientation,
		int length, int thickness, int fontSize, Color background, Color foreground)
	{
		if (length < 2 || thickness < 1 || fontSize < 1) {
			throw new IllegalArgumentException("Colour bar needs length >= 2, thickness >= 1 and " +
				"font size >= 1 pixels, got " + length + ", " + thickness + ", " + fontSize);
		}
		this.scale = scale;
		this.title = title == null ? "" : title;
		this.unit = unit == null ? "" : unit;
		this.orientation = orientation;
		this.length = length;
		this.thickness = thickness;
		this.fontSize = fontSize;
		this.background = background;
		this.foreground = foreground;
	}

	public ColourBar withOrientation(Orientation value) {
		return new ColourBar(scale, title, unit, value, length, thickness, fontSize, background,
			foreground);
	}

	/** Returns a copy whose gradient is {@code pixels} long, 2 or more. */
	public ColourBar withLength(int pixels) {
		return new ColourBar(scale, title, unit, orientation, pixels, thickness, fontSize,
			background, foreground);
	}

	/** Returns a copy whose gradient is {@code pixels} wide across its length. */
	public ColourBar withThickness(int pixels) {
		return new ColourBar(scale, title, unit, orientation, length, pixels, fontSize,
			background, foreground);
	}

	/** Returns a copy with text of the given size in points (pixels at 72 dpi). */
	public ColourBar withFontSize(int points) {
		return new ColourBar(scale, title, unit, orientation, length, thickness, points,
			background, foreground);
	}

	/** Returns a copy with the given background and text colours. */
	public ColourBar withColours(Color backgroundColour, Color textColour) {
		return new ColourBar(scale, title, unit, orientation, length, thickness, fontSize,
			backgroundColour, textColour);
	}

	public ColourScale scale() {
		return scale;
	}

	public Ticks ticks() {
		return Ticks.forRange(scale.minimum(), scale.maximum());
	}

	/** Returns the gradient pixel (0-based from the minimum end) of a value. */
	public int offsetOf(double value) {
		double fraction = (value - scale.minimum()) / (scale.maximum() - scale.minimum());
		return (int) Math.max(0, Math.min(length - 1, Math.floor(fraction * length)));
	}

	/** Returns the image pixel (x, y) where a value's tick meets the gradient. */
	public int[] tickPosition(double value) {
		return new BarLayout(this).tickPosition(offsetOf(value));
	}

	/** Returns the bounds of the gradient in the rendered image. */
	public Rectangle gradientBounds() {
		return new BarLayout(this).gradient();
	}

	/** Renders the bar as a new RGB image. */
	public ColorProcessor render() {
		BarLayout layout = new BarLayout(this);
		ColorProcessor image = new ColorProcessor(layout.width(), layout.height());
		image.setColor(background);
		image.fill();
		Rectangle gradient = layout.gradient();
		for (int p = 0; p < length; p++) {
			double value = scale.minimum() + (p + 0.5) / length * (scale.maximum() - scale
				.minimum());
			image.setColor(scale.rgb(value));
			if (orientation == Orientation.VERTICAL) {
				int y = gradient.y + length - 1 - p;
				image.drawLine(gradient.x, y, gradient.x + thickness - 1, y);
			} else {
				int x = gradient.x + p;
				image.drawLine(x, gradient.y, x, gradient.y + thickness - 1);
			}
		}
		layout.drawText(image);
		return image;
	}

	/**
	 * Returns a new image with {@code image} on the left and the rendered bar
	 * on its right, both top-aligned on the bar's background colour; the input
	 * is not modified.
	 */
	public ColorProcessor appendTo(ColorProcessor image) {
		return appendTo(image, render());
	}

	/**
	 * Returns a new stack with the bar appended to every slice of an RGB stack;
	 * the input is not modified.
	 *
	 * @throws IllegalArgumentException if the stack is empty or not RGB
	 */
	public ImageStack appendTo(ImageStack rgb) {
		if (rgb.getSize() == 0 || rgb.getBitDepth() != 24) {
			throw new IllegalArgumentException("A colour bar is appended to a non-empty RGB " +
				"stack, got " + rgb.getSize() + " slices of " + rgb.getBitDepth() + "-bit");
		}
		ColorProcessor bar = render();
		ImageStack out = null;
		for (int n = 1; n <= rgb.getSize(); n++) {
			ColorProcessor joined = appendTo((ColorProcessor) rgb.getProcessor(n), bar);
			if (out == null) out = new ImageStack(joined.getWidth(), joined.getHeight());
			out.addSlice(rgb.getSliceLabel(n), joined);
		}
		return out;
	}

	private ColorProcessor appendTo(ColorProcessor image, ColorProcessor bar) {
		int width = image.getWidth() + bar.getWidth();
		int height = Math.max(image.getHeight(), bar.getHeight());
		ColorProcessor joined = new ColorProcessor(width, height);
		joined.setColor(background);
		joined.fill();
		joined.insert(image, 0, 0);
		joined.insert(bar, image.getWidth(), 0);
		return joined;
	}

	String title() {
		return title;
	}

	String unit() {
		return unit;
	}

	Orientation orientation() {
		return orientation;
	}

	int length() {
		return length;
	}

	int thickness() {
		return thickness;
	}

	Font font() {
		return new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
	}

	Color foreground() {
		return foreground;
	}

	static int margin() {
		return MARGIN;
	}

	static int tickLength() {
		return TICK_LENGTH;
	}

	static int labelGap() {
		return LABEL_GAP;
	}
}
