package org.ctheatmap.lut;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.FontMetrics;
import java.awt.Rectangle;

import org.ctheatmap.lut.ColourBar.Orientation;

/**
 * Pixel layout of a {@link ColourBar}: header lines (title, unit) on top, then
 * the gradient with tick marks and labels to its right (vertical) or below
 * it (horizontal). Text sizes come from the font metrics of the current
 * system, so the image size can differ by a few pixels between machines.
 */
final class BarLayout {

	private final ColourBar bar;
	private final Ticks ticks;
	private final int lineHeight;
	private final String[] header;
	private final String[] labels;
	private final Rectangle gradient;
	private final int width;
	private final int height;

	BarLayout(ColourBar bar) {
		this.bar = bar;
		this.ticks = bar.ticks();
		ColorProcessor scratch = new ColorProcessor(1, 1);
		scratch.setFont(bar.font());
		FontMetrics metrics = scratch.getFontMetrics();
		lineHeight = metrics.getHeight();
		header = headerLines(bar);
		labels = new String[ticks.count()];
		int widestLabel = 0;
		for (int i = 0; i < labels.length; i++) {
			labels[i] = ticks.label(i);
			widestLabel = Math.max(widestLabel, scratch.getStringWidth(labels[i]));
		}
		int widestHeader = 0;
		for (String line : header) {
			widestHeader = Math.max(widestHeader, scratch.getStringWidth(line));
		}
		int margin = ColourBar.margin();
		int headerHeight = header.length * lineHeight + (header.length > 0 ? ColourBar
			.labelGap() : 0);
		int belowBar = ColourBar.tickLength() + ColourBar.labelGap();
		if (bar.orientation() == Orientation.VERTICAL) {
			gradient = new Rectangle(margin, margin + headerHeight + lineHeight / 2, bar
				.thickness(), bar.length());
			int labelsEnd = gradient.x + gradient.width + belowBar + widestLabel;
			width = Math.max(labelsEnd, margin + widestHeader) + margin;
			height = gradient.y + gradient.height + lineHeight / 2 + margin;
		} else {
			int halfLabel = widestLabel / 2 + 1;
			gradient = new Rectangle(margin + halfLabel, margin + headerHeight, bar.length(), bar
				.thickness());
			width = Math.max(gradient.x + gradient.width + halfLabel, margin + widestHeader) +
				margin;
			height = gradient.y + gradient.height + belowBar + lineHeight + margin;
		}
	}

	int width() {
		return width;
	}

	int height() {
		return height;
	}

	Rectangle gradient() {
		return new Rectangle(gradient);
	}

	/** Returns the image pixel in the middle of the gradient's width at an offset. */
	int[] tickPosition(int offset) {
		if (bar.orientation() == Orientation.VERTICAL) {
			return new int[] { gradient.x + gradient.width / 2, gradient.y + gradient.height - 1 -
				offset };
		}
		return new int[] { gradient.x + offset, gradient.y + gradient.height / 2 };
	}

	/** Draws the header, tick marks and tick labels in the text colour. */
	void drawText(ColorProcessor image) {
		image.setFont(bar.font());
		image.setAntialiasedText(true);
		image.setColor(bar.foreground());
		int margin = ColourBar.margin();
		for (int line = 0; line < header.length; line++) {
			image.setJustification(ImageProcessor.LEFT_JUSTIFY);
			image.drawString(header[line], margin, margin + (line + 1) * lineHeight);
		}
		for (int i = 0; i < labels.length; i++) {
			int[] at = tickPosition(bar.offsetOf(ticks.value(i)));
			if (bar.orientation() == Orientation.VERTICAL) {
				int x = gradient.x + gradient.width;
				image.drawLine(x, at[1], x + ColourBar.tickLength() - 1, at[1]);
				image.setJustification(ImageProcessor.LEFT_JUSTIFY);
				image.drawString(labels[i], x + ColourBar.tickLength() + ColourBar.labelGap(),
					at[1] + lineHeight / 2);
			} else {
				int y = gradient.y + gradient.height;
				image.drawLine(at[0], y, at[0], y + ColourBar.tickLength() - 1);
				image.setJustification(ImageProcessor.CENTER_JUSTIFY);
				image.drawString(labels[i], at[0], y + ColourBar.tickLength() + ColourBar
					.labelGap() + lineHeight);
			}
		}
	}

	private static String[] headerLines(ColourBar bar) {
		if (bar.title().isEmpty() && bar.unit().isEmpty()) return new String[0];
		if (bar.title().isEmpty()) return new String[] { bar.unit() };
		if (bar.unit().isEmpty()) return new String[] { bar.title() };
		return new String[] { bar.title(), bar.unit() };
	}
}
