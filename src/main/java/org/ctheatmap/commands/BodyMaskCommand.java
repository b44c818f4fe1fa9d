package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.normalize.VoxelMask;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Segments the patient's body ({@link BodyMask}: above
 * {@value BodyMask#THRESHOLD_HU} HU, largest 3-D component, holes filled per
 * slice) and returns it as an 8-bit stack, 255 inside and 0 outside, with the
 * input's spatial calibration. Each time point of a 4-D image gets its own
 * mask. The input is not modified.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Body Mask")
public class BodyMaskCommand extends ContextCommand {

	static final String NAME = "Body Mask";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Body mask")
	private ImagePlus mask;

	@Override
	public void run() {
		if (image == null) {
			cancel(NAME + ": " + FilterMessages.NO_IMAGE);
			return;
		}
		try {
			mask = compute(image, new StatusProgress(status, NAME));
			if (log != null) log.info(NAME + ": " + image.getTitle() + ": " + mask.getProp(
				"CTHeatMap.BodyVoxels") + " voxels");
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	/** Returns the 8-bit body mask of every time point of an image in HU. */
	static ImagePlus compute(ImagePlus image, ProgressListener progress) {
		CtVolume volume = HuImages.toHuVolume(image);
		ImagePlus hu = volume.image();
		ImageStack out = new ImageStack(image.getWidth(), image.getHeight());
		long voxels = 0;
		for (int t = 1; t <= volume.frames(); t++) {
			float[][] planes = new float[volume.depth()][];
			for (int z = 1; z <= volume.depth(); z++) {
				planes[z - 1] = (float[]) hu.getStack().getPixels(hu.getStackIndex(1, z, t));
			}
			FloatVolume frame = new FloatVolume(image.getWidth(), image.getHeight(), planes);
			VoxelMask body = VoxelMask.body(frame, progress);
			voxels += body.count();
			ImageStack bytes = body.toByteStack();
			for (int z = 1; z <= bytes.getSize(); z++) {
				out.addSlice(null, bytes.getPixels(z));
			}
		}
		ImagePlus result = new ImagePlus(image.getTitle() + " body mask", out);
		result.setDimensions(1, volume.depth(), volume.frames());
		if (volume.frames() > 1) result.setOpenAsHyperStack(true);
		result.setCalibration(spatialCalibration(image.getCalibration()));
		result.setDisplayRange(0, 255);
		result.setProp("CTHeatMap.BodyVoxels", Long.toString(voxels));
		result.setProp("CTHeatMap.BodyThresholdHu", Double.toString(BodyMask.THRESHOLD_HU));
		return result;
	}

	/** Returns a copy of the spatial part of a calibration, without a value function. */
	static Calibration spatialCalibration(Calibration source) {
		Calibration cal = source.copy();
		cal.disableDensityCalibration();
		cal.setValueUnit("Gray Value");
		return cal;
	}
}
