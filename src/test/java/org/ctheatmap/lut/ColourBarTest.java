package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;

import org.ctheatmap.lut.ColourBar.Orientation;
import org.junit.jupiter.api.Test;

class ColourBarTest {

	private static final ColourScale SCALE = new ColourScale(Colormaps.get(Colormaps.VIRIDIS),
		-100, 300);

	/** Minimum text pixels of a tick label; one 12-point digit covers about 20 (estimate). */
	private static final int MIN_TEXT_PIXELS = 10;

	@Test
	void runsHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
	}

	@Test
	void verticalTickColoursEqualColormap() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU");
		ColorProcessor image = bar.render();
		double[] ticks = bar.ticks().values();
		assertEquals(5, ticks.length, "ticks of -100..300 HU");
		for (double tick : ticks) {
			int[] at = bar.tickPosition(tick);
			assertEquals(SCALE.rgb(tick), image.get(at[0], at[1]) & 0xffffff, "colour at tick " +
				tick + " HU");
		}
	}

	@Test
	void horizontalTickColoursEqualColormap() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU").withOrientation(
			Orientation.HORIZONTAL);
		ColorProcessor image = bar.render();
		assertTrue(image.getWidth() > image.getHeight(), "horizontal bar is wide");
		for (double tick : bar.ticks().values()) {
			int[] at = bar.tickPosition(tick);
			assertEquals(SCALE.rgb(tick), image.get(at[0], at[1]) & 0xffffff, "colour at tick " +
				tick + " HU");
		}
	}

	@Test
	void gradientRunsMinimumToMaximum() {
		ColourBar bar = new ColourBar(SCALE, "", "HU");
		ColorProcessor image = bar.render();
		Rectangle gradient = bar.gradientBounds();
		assertEquals(256, gradient.height, "default length");
		int x = gradient.x + gradient.width / 2;
		Colormap viridis = SCALE.colormap();
		assertEquals(viridis.rgb(0), image.get(x, gradient.y + 255) & 0xffffff, "bottom: entry 0");
		assertEquals(viridis.rgb(255), image.get(x, gradient.y) & 0xffffff, "top: entry 255");
		for (int p = 0; p < 256; p++) {
			assertEquals(viridis.rgb(p), image.get(x, gradient.y + 255 - p) & 0xffffff,
				"gradient pixel " + p);
		}
	}

	@Test
	void otherLengthIsWithinOneEntry() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU").withLength(300);
		ColorProcessor image = bar.render();
		Colormap viridis = SCALE.colormap();
		for (double tick : bar.ticks().values()) {
			int[] at = bar.tickPosition(tick);
			int index = SCALE.index(tick);
			int colour = image.get(at[0], at[1]) & 0xffffff;
			boolean near = false;
			for (int i = Math.max(0, index - 1); i <= Math.min(255, index + 1); i++) {
				near |= viridis.rgb(i) == colour;
			}
			assertTrue(near, "colour at tick " + tick + " HU within one entry of " + index);
		}
	}

	@Test
	void labelsDrawnBesideTicks() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU");
		ColorProcessor image = bar.render();
		Rectangle gradient = bar.gradientBounds();
		int labelsFrom = gradient.x + gradient.width + 1;
		for (double tick : bar.ticks().values()) {
			int row = bar.tickPosition(tick)[1];
			int text = countForeground(image, labelsFrom, row - 6, image.getWidth() - labelsFrom,
				13);
			assertTrue(text >= MIN_TEXT_PIXELS, "label of " + tick + " HU has " + text +
				" pixels");
		}
		int midway = bar.tickPosition(50)[1];
		int gap = countForeground(image, labelsFrom + 6, midway - 3, image.getWidth() -
			labelsFrom - 6, 7);
		assertEquals(0, gap, "no text halfway between the ticks at 0 and 100 HU");
	}

	@Test
	void headerHasTitleAndUnit() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU");
		ColorProcessor image = bar.render();
		int headerHeight = bar.gradientBounds().y - 8;
		int text = countForeground(image, 0, 0, image.getWidth(), headerHeight);
		assertTrue(text >= 2 * MIN_TEXT_PIXELS, "header has " + text + " text pixels");
		ColorProcessor untitled = new ColourBar(SCALE, "", "").render();
		assertTrue(untitled.getHeight() < image.getHeight(), "no header makes a shorter bar");
	}

	@Test
	void sizeIndependentOfScale() {
		ColourBar bar = new ColourBar(SCALE, "Density", "HU").withLength(128).withThickness(10);
		assertEquals(128, bar.gradientBounds().height, "length in pixels");
		assertEquals(10, bar.gradientBounds().width, "thickness in pixels");
	}

	@Test
	void appendToSlice() {
		ColorProcessor slice = new ColorProcessor(40, 30);
		slice.setColor(0x123456);
		slice.fill();
		ColourBar bar = new ColourBar(SCALE, "Density", "HU");
		ColorProcessor rendered = bar.render();
		ColorProcessor joined = bar.appendTo(slice);
		assertEquals(40 + rendered.getWidth(), joined.getWidth(), "width");
		assertEquals(Math.max(30, rendered.getHeight()), joined.getHeight(), "height");
		assertEquals(0x123456, joined.get(39, 29) & 0xffffff, "image pixel kept");
		assertEquals(0, joined.get(0, 31) & 0xffffff, "background below the image");
		int[] at = bar.tickPosition(100);
		assertEquals(rendered.get(at[0], at[1]), joined.get(40 + at[0], at[1]), "bar pixel");
		assertEquals(0x123456, slice.get(0, 0) & 0xffffff, "input unchanged");
	}

	@Test
	void appendToStack() {
		ImageStack stack = new ImageStack(20, 10);
		stack.addSlice("a", new ColorProcessor(20, 10));
		stack.addSlice("b", new ColorProcessor(20, 10));
		ImageStack joined = new ColourBar(SCALE, "Density", "HU").appendTo(stack);
		assertEquals(2, joined.getSize(), "slices");
		assertEquals("b", joined.getSliceLabel(2), "label");
		ImageStack grey = new ImageStack(2, 2);
		grey.addSlice(new FloatProcessor(2, 2));
		assertThrows(IllegalArgumentException.class, () -> new ColourBar(SCALE, "", "HU")
			.appendTo(grey), "32-bit stack");
	}

	private static int countForeground(ColorProcessor image, int x, int y, int width,
		int height)
	{
		int count = 0;
		for (int j = Math.max(0, y); j < Math.min(image.getHeight(), y + height); j++) {
			for (int i = Math.max(0, x); i < Math.min(image.getWidth(), x + width); i++) {
				if ((image.get(i, j) & 0xffffff) != 0) count++;
			}
		}
		return count;
	}
}
