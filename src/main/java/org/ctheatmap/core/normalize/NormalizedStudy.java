package org.ctheatmap.core.normalize;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * Normalizes every time point of a {@link CtVolume} with {@link Normalizer}
 * and assembles the output image and the report of the statistics used.
 */
public final class NormalizedStudy {

	/** Image property that contains {@link #info()}. */
	public static final String PROPERTY_KEY = "CTHeatMap.Normalization";

	/** Supplies the mask of a time point. */
	@FunctionalInterface
	public interface MaskSupplier {

		/**
		 * Returns the mask of time point {@code frame} (1-based) of the HU
		 * values, or null to use every voxel.
		 */
		VoxelMask mask(int frame, FloatVolume hu);
	}

	private final NormalizationSettings settings;
	private final String maskDescription;
	private final List<NormalizationResult> frames;
	private final ImagePlus image;

	private NormalizedStudy(NormalizationSettings settings, String maskDescription,
		List<NormalizationResult> frames, ImagePlus image)
	{
		this.settings = settings;
		this.maskDescription = maskDescription;
		this.frames = Collections.unmodifiableList(frames);
		this.image = image;
	}

	/**
	 * Normalizes each time point; the volume is not modified.
	 *
	 * @param volume CT in HU
	 * @param masks supplies each time point's mask; null for no mask
	 * @param maskDescription how the mask was made, for the report, e.g. "Body mask"
	 * @param reference HU volume for histogram matching, or null
	 * @param referenceMask voxels of the reference that count, or null for all
	 * @throws IllegalArgumentException see {@link Normalizer#normalize}
	 */
	public static NormalizedStudy run(CtVolume volume, MaskSupplier masks,
		String maskDescription, NormalizationSettings settings, FloatVolume reference,
		VoxelMask referenceMask, ProgressListener progress)
	{
		ImagePlus hu = volume.image();
		ImageStack out = new ImageStack(volume.width(), volume.height());
		List<NormalizationResult> results = new ArrayList<>();
		for (int t = 1; t <= volume.frames(); t++) {
			FloatVolume frame = frameOf(hu, volume.depth(), t);
			VoxelMask mask = masks == null ? null : masks.mask(t, frame);
			NormalizationResult result = Normalizer.normalize(frame, mask, settings, reference,
				referenceMask, progress);
			results.add(result);
			for (float[] slice : result.values().slices()) {
				out.addSlice(null, slice);
			}
		}
		ImagePlus image = new ImagePlus(hu.getTitle() + " normalized", out);
		image.setDimensions(1, volume.depth(), volume.frames());
		if (volume.frames() > 1) image.setOpenAsHyperStack(true);
		NormalizedStudy study = new NormalizedStudy(settings, maskDescription, results, image);
		study.describeImage(volume.geometry());
		return study;
	}

	/** Returns time point t (1-based) as a volume sharing the image's arrays. */
	static FloatVolume frameOf(ImagePlus hu, int depth, int t) {
		float[][] planes = new float[depth][];
		for (int z = 1; z <= depth; z++) {
			planes[z - 1] = (float[]) hu.getStack().getPixels(hu.getStackIndex(1, z, t));
		}
		return new FloatVolume(hu.getWidth(), hu.getHeight(), planes);
	}

	private void describeImage(PatientGeometry geometry) {
		CtVolume.applyCalibration(image, geometry);
		Calibration cal = image.getCalibration();
		NormalizationResult first = frames.get(0);
		cal.setValueUnit(first.valueUnit().isEmpty() ? "normalized" : first.valueUnit());
		image.setDisplayRange(first.displayMin(), first.displayMax());
		image.setProp(PROPERTY_KEY, info());
		image.setProperty("Info", info());
	}

	/** Returns the output: a 32-bit stack with the input's spatial calibration. */
	public ImagePlus image() {
		return image;
	}

	/** Returns one result per time point, in order. */
	public List<NormalizationResult> frames() {
		return frames;
	}

	public NormalizationSettings settings() {
		return settings;
	}

	/** Returns the settings, mask and statistics as ordered pairs for a JSON sidecar. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("settings", settings.toMap());
		map.put("mask", maskDescription);
		List<Object> list = new ArrayList<>();
		for (int t = 0; t < frames.size(); t++) {
			Map<String, Object> frame = new LinkedHashMap<>();
			frame.put("frame", t + 1);
			frame.put("maskVoxels", frames.get(t).maskVoxels());
			frame.put("valueUnit", frames.get(t).valueUnit());
			frame.put("displayMin", frames.get(t).displayMin());
			frame.put("displayMax", frames.get(t).displayMax());
			List<Object> units = new ArrayList<>();
			for (NormalizationStatistics s : frames.get(t).statistics()) {
				units.add(s.toMap());
			}
			frame.put("statistics", units);
			list.add(frame);
		}
		map.put("frames", list);
		return map;
	}

	/** Returns "key: value" lines of the settings and the stack-level statistics. */
	public String info() {
		StringBuilder text = new StringBuilder("Normalize CT\n");
		for (Map.Entry<String, Object> e : settings.toMap().entrySet()) {
			text.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
		}
		text.append("mask: ").append(maskDescription).append('\n');
		for (int t = 0; t < frames.size(); t++) {
			NormalizationResult r = frames.get(t);
			text.append(String.format(Locale.ROOT, "frame %d: %d mask voxels, %d statistics " +
				"unit(s)%n", t + 1, r.maskVoxels(), r.statistics().size()));
			if (r.statistics().size() == 1) text.append(r.statistics().get(0)).append('\n');
		}
		return text.toString();
	}
}
