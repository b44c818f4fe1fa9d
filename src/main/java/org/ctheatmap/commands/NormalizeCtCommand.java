package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.normalize.NormalizationMethod;
import org.ctheatmap.core.normalize.NormalizationScope;
import org.ctheatmap.core.normalize.NormalizationSettings;
import org.ctheatmap.core.normalize.OutsideMask;
import org.ctheatmap.lut.CtWindow;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Normalizes a CT stack in HU (see {@link NormalizationMethod}) and reports
 * the statistics used.
 * <p>
 * The statistics come from the voxels inside a mask: every voxel ("None"),
 * the image's ROI on every slice, the non-zero voxels of a mask image, or the
 * automatic body mask. Voxels outside it become NaN, keep their HU, or are mapped like the
 * voxels inside. Histogram matching maps onto the reference image's values,
 * inside the reference's own body mask when the mask is "Body mask" and over
 * all its voxels otherwise.
 * <p>
 * Outputs: a new 32-bit image with the input's spatial calibration, whose
 * "Info" property lists the settings and statistics, and a results table
 * with one row per statistics unit (stack or slice, per time point), shown
 * as "Normalization statistics" unless Java runs headless. The input is not
 * modified.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Normalize CT")
public class NormalizeCtCommand extends ContextCommand {

	static final String NAME = "Normalize CT";

	static final String MASK_NONE = "None";
	static final String MASK_ROI = "ROI";
	static final String MASK_IMAGE = "Mask image";
	static final String MASK_BODY = "Body mask";

	/** Title of the statistics table window. */
	static final String TABLE_TITLE = "Normalization statistics";

	static final String OUTPUT_DISPLAY = "Display range";
	static final String OUTPUT_NORMALIZED = "Normalized 0-1";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(label = "Method", persist = false, choices = { "Window", "Min-max", "Z-score",
		"Percentile", "Histogram matching" })
	private String method = NormalizationMethod.WINDOW.label();

	@Parameter(label = "CT window", persist = false, choices = { CtWindow.SOFT_TISSUE,
		CtWindow.LUNG, CtWindow.MEDIASTINUM, CtWindow.BONE, CtWindow.BRAIN, CtWindow.LIVER,
		CtWindow.STROKE, CtWindow.SUBDURAL, CtWindow.CUSTOM },
		description = "Used by the Window method")
	private String window = CtWindow.SOFT_TISSUE;

	@Parameter(label = "Custom window centre (HU)", persist = false)
	private double windowCenterHu = 40;

	@Parameter(label = "Custom window width (HU)", persist = false)
	private double windowWidthHu = 400;

	@Parameter(label = "Window output", persist = false, choices = { OUTPUT_DISPLAY,
		OUTPUT_NORMALIZED }, description = "Display range keeps HU and sets the display range;" +
			" Normalized 0-1 writes (HU - bottom) / width clamped to 0..1")
	private String windowOutput = OUTPUT_DISPLAY;

	@Parameter(label = "Lower percentile (%)", persist = false)
	private double lowPercentile = 1;

	@Parameter(label = "Upper percentile (%)", persist = false)
	private double highPercentile = 99;

	@Parameter(label = "Clamp percentile output to 0-1", persist = false)
	private boolean clamp = true;

	@Parameter(label = "Reference image (HU)", required = false,
		description = "Study whose values histogram matching maps onto")
	private ImagePlus reference;

	@Parameter(label = "Scope", persist = false, choices = { "Whole stack", "Each slice" })
	private String scope = NormalizationScope.STACK.label();

	@Parameter(label = "Mask", persist = false, choices = { MASK_NONE, MASK_ROI, MASK_IMAGE,
		MASK_BODY })
	private String maskSource = MASK_NONE;

	@Parameter(label = "Mask image", required = false,
		description = "Non-zero voxels are inside; used when the mask is Mask image")
	private ImagePlus maskImage;

	@Parameter(label = "Outside the mask", persist = false, choices = { "NaN", "Unchanged",
		"Mapped" })
	private String outside = OutsideMask.NAN.label();

	@Parameter(type = ItemIO.OUTPUT, label = "Normalized")
	private ImagePlus normalized;

	@Parameter(type = ItemIO.OUTPUT, label = "Normalization statistics")
	private ResultsTable statistics;

	@Override
	public void run() {
		// NB: an optional ImagePlus input may arrive as an empty image rather than null.
		if (isEmpty(reference)) reference = null;
		if (isEmpty(maskImage)) maskImage = null;
		String problem = NormalizeMessages.validate(image, method, window, windowCenterHu,
			windowWidthHu, reference, maskSource, maskImage);
		if (problem != null) {
			cancel(NAME + ": " + problem);
			return;
		}
		try {
			NormalizationRun run = new NormalizationRun(settings(), new StatusProgress(status,
				NAME));
			CtVolume volume = HuImages.toHuVolume(image);
			CtVolume referenceVolume = reference == null ? null : HuImages.toHuVolume(reference);
			Roi roi = MASK_ROI.equals(maskSource) ? image.getRoi() : null;
			normalized = run.apply(volume, maskSource, roi, maskImage, referenceVolume);
			normalized.setTitle(image.getTitle() + " normalized (" + method + ")");
			statistics = run.table();
			// NOTE: whether Fiji also displays a ResultsTable output was not checked.
			if (!RoiSources.headless()) statistics.show(TABLE_TITLE);
			if (log != null) log.info(NAME + ": " + image.getTitle() + "\n" + run.info());
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	private static boolean isEmpty(ImagePlus imp) {
		return imp != null && (imp.getStack() == null || imp.getStack().getSize() == 0 || imp
			.getWidth() == 0);
	}

	private NormalizationSettings settings() {
		NormalizationMethod m = NormalizationMethod.fromName(method);
		NormalizationSettings.Builder builder = new NormalizationSettings.Builder(m).scope(
			NormalizationScope.fromName(scope)).outside(OutsideMask.fromName(outside));
		if (m == NormalizationMethod.WINDOW) {
			CtWindow w = CtWindow.CUSTOM.equals(window) ? CtWindow.custom(windowCenterHu,
				windowWidthHu) : CtWindow.preset(window);
			builder.window(w.name(), w.centerHu(), w.widthHu(), OUTPUT_DISPLAY.equals(windowOutput));
		}
		if (m == NormalizationMethod.PERCENTILE) {
			builder.percentiles(lowPercentile, highPercentile, clamp);
		}
		return builder.build();
	}
}
