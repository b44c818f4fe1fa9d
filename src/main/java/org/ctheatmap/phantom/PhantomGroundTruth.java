package org.ctheatmap.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Builds the ground truth of the phantom as nested maps, ready for
 * {@link org.ctheatmap.io.JsonWriter}. Every figure is either a generator
 * constant or counted from the labels and voxels, so the sidecar documents
 * exactly what the images contain. Volumes in mm^3 are rounded to 1e-6 to
 * hide floating-point noise such as 1.6000000000000003. Voxel indices are
 * 0-based (i column, j row, k slice); positions are DICOM LPS in mm.
 */
public final class PhantomGroundTruth {

	private PhantomGroundTruth() {}

	/** Returns the facts shared by every time point: grid, noise, shapes and nominal HU. */
	public static Map<String, Object> common() {
		PatientGeometry geometry = PhantomGenerator.geometry();
		double[] spacing = geometry.spacing();
		Map<String, Object> grid = new LinkedHashMap<>();
		grid.put("dimensions", new int[] { PhantomGenerator.WIDTH, PhantomGenerator.HEIGHT,
			PhantomGenerator.DEPTH });
		grid.put("axisOrder", "i = column (towards patient left), j = row (towards posterior)," +
			" k = slice (towards superior), all 0-based");
		grid.put("spacingMm", spacing);
		grid.put("originMm", geometry.origin());
		grid.put("rowDirection", geometry.rowDirection());
		grid.put("columnDirection", geometry.columnDirection());
		grid.put("sliceDirection", geometry.sliceDirection());
		grid.put("voxelVolumeMm3", roundMicro(voxelVolumeMm3()));

		Map<String, Object> noise = new LinkedHashMap<>();
		noise.put("model", "round(nominal + sd * java.util.Random(seed).nextGaussian())," +
			" drawn in slice, row, column order, clamped to the range below");
		noise.put("sdHu", PhantomGenerator.NOISE_SD_HU);
		noise.put("sdAfterRoundingHu", Math.sqrt(PhantomGenerator.NOISE_SD_HU *
			PhantomGenerator.NOISE_SD_HU + 1.0 / 12));
		noise.put("clampHu", new int[] { PhantomGenerator.MIN_HU, PhantomGenerator.MAX_HU });

		Map<String, Object> nominal = new LinkedHashMap<>();
		for (PhantomTissue tissue : PhantomTissue.values()) {
			nominal.put(tissue.key(), tissue.hu());
		}

		Map<String, Object> common = new LinkedHashMap<>();
		common.put("generator", PhantomGenerator.class.getName());
		common.put("coordinates", "DICOM LPS patient coordinates in mm: +x patient left," +
			" +y posterior, +z superior; a position is the centre of its voxel");
		common.put("grid", grid);
		common.put("noise", noise);
		common.put("nominalHu", nominal);
		common.put("shapes", shapes());
		return common;
	}

	/**
	 * Returns the ground truth of one generated time point: seed, lesion and,
	 * per tissue, voxel count, volume and measured mean and SD of the noisy
	 * values.
	 *
	 * @param volume the output of {@link PhantomGenerator#generate} for this
	 *          time point; not modified
	 */
	public static Map<String, Object> timePoint(PhantomTimePoint timePoint, CtVolume volume) {
		byte[][] labels = PhantomGenerator.labels(timePoint);
		PhantomTissue[] tissues = PhantomTissue.values();
		long[] counts = new long[tissues.length];
		double[] sums = new double[tissues.length];
		double[] squares = new double[tissues.length];
		for (int k = 0; k < labels.length; k++) {
			float[] pixels = (float[]) volume.image().getStack().getPixels(k + 1);
			for (int index = 0; index < pixels.length; index++) {
				int label = labels[k][index];
				counts[label]++;
				sums[label] += pixels[index];
				squares[label] += (double) pixels[index] * pixels[index];
			}
		}
		Map<String, Object> perTissue = new LinkedHashMap<>();
		long bodyCount = 0;
		for (PhantomTissue tissue : tissues) {
			int t = tissue.ordinal();
			double mean = sums[t] / counts[t];
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("nominalHu", tissue == PhantomTissue.LESION ? timePoint.lesionHu() : tissue
				.hu());
			entry.put("voxelCount", counts[t]);
			entry.put("volumeMm3", roundMicro(counts[t] * voxelVolumeMm3()));
			entry.put("measuredMeanHu", mean);
			entry.put("measuredSdHu", Math.sqrt(Math.max(0, squares[t] / counts[t] - mean *
				mean)));
			perTissue.put(tissue.key(), entry);
			if (tissue != PhantomTissue.AIR && tissue != PhantomTissue.TABLE) {
				bodyCount += counts[t];
			}
		}

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", timePoint.name());
		result.put("description", timePoint.description());
		result.put("studyDate", timePoint.studyDate());
		result.put("seed", timePoint.seed());
		result.put("lesion", lesion(timePoint, counts[PhantomTissue.LESION.ordinal()]));
		result.put("bodyVoxelCount", bodyCount);
		result.put("bodyVoxelCountNote", "every voxel except air and table: what BodyMask finds");
		result.put("tissues", perTissue);
		return result;
	}

	private static Map<String, Object> lesion(PhantomTimePoint timePoint, long voxelCount) {
		double radius = timePoint.lesionRadiusMm();
		Map<String, Object> lesion = new LinkedHashMap<>();
		lesion.put("centreMm", PhantomGenerator.lesionCentreMm());
		lesion.put("centreVoxel", PhantomGenerator.lesionCentreVoxel());
		lesion.put("radiusMm", radius);
		lesion.put("nominalHu", timePoint.lesionHu());
		lesion.put("sphereVolumeMm3", roundMicro(4.0 / 3.0 * Math.PI * radius * radius * radius));
		lesion.put("voxelCount", voxelCount);
		lesion.put("voxelVolumeMm3", roundMicro(voxelCount * voxelVolumeMm3()));
		return lesion;
	}

	private static List<Object> shapes() {
		List<Object> shapes = new ArrayList<>();
		shapes.add(shape("body", "elliptic cylinder along z", PhantomGenerator.BODY));
		shapes.add(shape("liver", "ellipsoid, inside the body only", PhantomGenerator.LIVER));
		shapes.add(shape("lung", "ellipsoid (patient's right lung)",
			PhantomGenerator.RIGHT_LUNG));
		shapes.add(shape("lung", "ellipsoid (patient's left lung)", PhantomGenerator.LEFT_LUNG));
		shapes.add(shape("bone", "circular cylinder along z (spine)", PhantomGenerator.SPINE));
		Map<String, Object> table = new LinkedHashMap<>();
		table.put("tissue", "table");
		table.put("type", "slab through every slice");
		table.put("xRangeMm", PhantomGenerator.TABLE_X_MM.clone());
		table.put("yRangeMm", PhantomGenerator.TABLE_Y_MM.clone());
		shapes.add(table);
		Map<String, Object> lesion = new LinkedHashMap<>();
		lesion.put("tissue", "lesion");
		lesion.put("type", "sphere inside the liver; radius per time point");
		lesion.put("centreMm", PhantomGenerator.lesionCentreMm());
		shapes.add(lesion);
		return shapes;
	}

	private static Map<String, Object> shape(String tissue, String type,
		PhantomGenerator.Ellipsoid ellipsoid)
	{
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("tissue", tissue);
		shape.put("type", type);
		shape.put("centreMm", ellipsoid.centre.clone());
		double[] semiAxes = ellipsoid.semiAxes.clone();
		// JSON has no infinity, so a cylinder's unbounded z semi-axis is left out.
		shape.put("semiAxesMm", Double.isInfinite(semiAxes[2]) ? Arrays.copyOf(semiAxes, 2)
			: semiAxes);
		return shape;
	}

	private static double roundMicro(double value) {
		return Math.round(value * 1e6) / 1e6;
	}

	private static double voxelVolumeMm3() {
		double[] spacing = PhantomGenerator.geometry().spacing();
		return spacing[0] * spacing[1] * spacing[2];
	}
}
