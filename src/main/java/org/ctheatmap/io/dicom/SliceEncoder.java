package org.ctheatmap.io.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Builds the data set of one CT Image Storage slice for
 * {@link DicomSeriesWriter}, and the stored values and Pixel Data element
 * of slices in the options' transfer syntax.
 */
final class SliceEncoder {

	private final CtVolume volume;
	private final DicomWriteOptions options;

	SliceEncoder(CtVolume volume, DicomWriteOptions options) {
		this.volume = volume;
		this.options = options;
	}

	DicomDataSet slice(int k, String study, String series, String frame, String instance) {
		PatientGeometry geometry = volume.geometry();
		double[] spacing = geometry.spacing();
		DicomDataSet data = new DicomDataSet();
		data.text(DicomTag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100");
		data.text(DicomTag.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\AXIAL");
		data.text(DicomTag.SOP_CLASS_UID, "UI", DicomSeriesWriter.CT_IMAGE_STORAGE);
		data.text(DicomTag.SOP_INSTANCE_UID, "UI", instance);
		data.text(DicomTag.STUDY_DATE, "DA", orEmpty(options.studyDate()));
		data.text(DicomTag.MODALITY, "CS", "CT");
		data.text(DicomTag.MANUFACTURER, "LO", orEmpty(options.manufacturer()));
		data.text(DicomTag.SERIES_DESCRIPTION, "LO", orEmpty(options.seriesDescription()));
		optional(data, DicomTag.MANUFACTURER_MODEL_NAME, "LO", options.manufacturerModelName());

		// Patient module: empty unless a fake identity is requested, e.g. for leak tests.
		data.text(DicomTag.PATIENT_NAME, "PN", orEmpty(options.patientName()));
		data.text(DicomTag.PATIENT_ID, "LO", orEmpty(options.patientId()));
		data.text(DicomTag.PATIENT_BIRTH_DATE, "DA", orEmpty(options.patientBirthDate()));

		// Thickness along the normal: the slice step for an untilted stack.
		data.decimals(DicomTag.SLICE_THICKNESS, spacing[2] * Math.cos(Math.toRadians(geometry
			.tiltDegrees())));
		optional(data, DicomTag.CONVOLUTION_KERNEL, "SH", options.convolutionKernel());

		data.text(DicomTag.STUDY_INSTANCE_UID, "UI", study);
		data.text(DicomTag.SERIES_INSTANCE_UID, "UI", series);
		data.text(DicomTag.SERIES_NUMBER, "IS", Integer.toString(options.seriesNumber()));
		data.text(DicomTag.INSTANCE_NUMBER, "IS", Integer.toString(instanceNumber(k)));

		data.decimals(DicomTag.IMAGE_POSITION_PATIENT, geometry.voxelToPatient(0, 0, k));
		data.decimals(DicomTag.IMAGE_ORIENTATION_PATIENT, concat(geometry.rowDirection(),
			geometry.columnDirection()));
		data.text(DicomTag.FRAME_OF_REFERENCE_UID, "UI", frame);

		data.unsignedShort(DicomTag.SAMPLES_PER_PIXEL, 1);
		data.text(DicomTag.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
		data.unsignedShort(DicomTag.ROWS, volume.height());
		data.unsignedShort(DicomTag.COLUMNS, volume.width());
		data.decimals(DicomTag.PIXEL_SPACING, spacing[1], spacing[0]);
		data.unsignedShort(DicomTag.BITS_ALLOCATED, options.bitsAllocated());
		data.unsignedShort(DicomTag.BITS_STORED, options.bitsStored());
		data.unsignedShort(DicomTag.HIGH_BIT, options.bitsStored() - 1);
		data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, options.signed() ? 1 : 0);

		data.decimals(DicomTag.RESCALE_INTERCEPT, options.rescaleIntercept());
		data.decimals(DicomTag.RESCALE_SLOPE, options.rescaleSlope());
		data.text(DicomTag.RESCALE_TYPE, "LO", "HU");
		pixelData(data, new int[] { k });
		return data;
	}

	/**
	 * Builds an Enhanced CT Image Storage data set holding every slice as a
	 * frame. Position, orientation, pixel spacing and rescale appear only in
	 * the functional groups, not at the top level. Frames are in slice order,
	 * or reversed for {@link DicomWriteOptions.InstanceOrder#REVERSED}.
	 */
	DicomDataSet multiFrame(String study, String series, String frame, String instance) {
		int depth = volume.depth();
		int[] order = new int[depth];
		for (int i = 0; i < depth; i++) {
			order[i] = options.instanceOrder() == DicomWriteOptions.InstanceOrder.REVERSED ? depth -
				1 - i : i;
		}
		DicomDataSet data = slice(order[0], study, series, frame, instance);
		data.text(DicomTag.SOP_CLASS_UID, "UI", DicomSeriesWriter.ENHANCED_CT_IMAGE_STORAGE);
		data.text(DicomTag.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\AXIAL\\NONE");
		data.text(DicomTag.INSTANCE_NUMBER, "IS", "1");
		data.text(DicomTag.NUMBER_OF_FRAMES, "IS", Integer.toString(depth));
		for (int tag : new int[] { DicomTag.IMAGE_POSITION_PATIENT,
			DicomTag.IMAGE_ORIENTATION_PATIENT, DicomTag.PIXEL_SPACING, DicomTag.SLICE_THICKNESS,
			DicomTag.RESCALE_INTERCEPT, DicomTag.RESCALE_SLOPE, DicomTag.RESCALE_TYPE })
		{
			data.remove(tag);
		}
		PatientGeometry geometry = volume.geometry();
		double[] spacing = geometry.spacing();
		DicomDataSet measures = new DicomDataSet().decimals(DicomTag.PIXEL_SPACING, spacing[1],
			spacing[0]).decimals(DicomTag.SLICE_THICKNESS, spacing[2]);
		DicomDataSet orientation = new DicomDataSet().decimals(DicomTag.IMAGE_ORIENTATION_PATIENT,
			concat(geometry.rowDirection(), geometry.columnDirection()));
		DicomDataSet rescale = new DicomDataSet().decimals(DicomTag.RESCALE_INTERCEPT, options
			.rescaleIntercept()).decimals(DicomTag.RESCALE_SLOPE, options.rescaleSlope()).text(
				DicomTag.RESCALE_TYPE, "LO", "HU");
		DicomDataSet shared = new DicomDataSet().sequence(DicomTag.PIXEL_MEASURES_SEQUENCE, List
			.of(measures), false).sequence(DicomTag.PLANE_ORIENTATION_SEQUENCE, List.of(
				orientation), false).sequence(DicomTag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, List
					.of(rescale), false);
		data.sequence(DicomTag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, List.of(shared), false);

		List<DicomDataSet> perFrame = new ArrayList<>();
		for (int k : order) {
			DicomDataSet content = new DicomDataSet().text(DicomTag.STACK_ID, "SH", "1")
				.unsignedLong(DicomTag.IN_STACK_POSITION_NUMBER, k + 1);
			DicomDataSet position = new DicomDataSet().decimals(DicomTag.IMAGE_POSITION_PATIENT,
				geometry.voxelToPatient(0, 0, k));
			perFrame.add(new DicomDataSet().sequence(DicomTag.FRAME_CONTENT_SEQUENCE, List.of(
				content), true).sequence(DicomTag.PLANE_POSITION_SEQUENCE, List.of(position),
					false));
		}
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame, true);
		pixelData(data, order);
		return data;
	}

	/**
	 * Adds the Pixel Data of the given slices, one frame each in this order:
	 * native samples, or for RLE Lossless one fragment per frame with a Basic
	 * Offset Table when there are several frames.
	 */
	void pixelData(DicomDataSet data, int[] slices) {
		boolean words = options.bitsAllocated() == 16;
		int samples = volume.width() * volume.height();
		if (options.transferSyntax().compression() == DicomTransferSyntax.Compression.RLE) {
			List<byte[]> fragments = new ArrayList<>();
			for (int k : slices) {
				fragments.add(RleEncoder.encode(storedPixels(k, words), volume.width(), volume
					.height()));
			}
			data.fragments(DicomTag.PIXEL_DATA, fragments, slices.length > 1);
			return;
		}
		if (words) {
			short[] all = new short[samples * slices.length];
			for (int i = 0; i < slices.length; i++) {
				System.arraycopy((short[]) storedPixels(slices[i], true), 0, all, i * samples,
					samples);
			}
			data.binary(DicomTag.PIXEL_DATA, "OW", all);
		} else {
			byte[] all = new byte[samples * slices.length];
			for (int i = 0; i < slices.length; i++) {
				System.arraycopy((byte[]) storedPixels(slices[i], false), 0, all, i * samples,
					samples);
			}
			data.binary(DicomTag.PIXEL_DATA, "OB", all);
		}
	}

	/** Returns the 1-based Instance Number of slice index k. */
	int instanceNumber(int k) {
		boolean reversed = options.instanceOrder() == DicomWriteOptions.InstanceOrder.REVERSED;
		return reversed ? volume.depth() - k : k + 1;
	}

	/** Returns the stored values of slice k as short[] (16 bits) or byte[] (8 bits). */
	private Object storedPixels(int k, boolean words) {
		float[] hu = (float[]) volume.image().getStack().getProcessor(k + 1).getPixels();
		short[] shorts = words ? new short[hu.length] : null;
		byte[] bytes = words ? null : new byte[hu.length];
		for (int i = 0; i < hu.length; i++) {
			long stored = Math.round((hu[i] - options.rescaleIntercept()) / options
				.rescaleSlope());
			if (Float.isNaN(hu[i]) || stored < options.minStored() || stored > options
				.maxStored())
			{
				throw outOfRange(hu[i], i, k, stored);
			}
			if (words) {
				shorts[i] = (short) stored;
			} else {
				bytes[i] = (byte) stored;
			}
		}
		return words ? shorts : bytes;
	}

	private IllegalArgumentException outOfRange(float hu, int index, int k, long stored) {
		String storage = (options.signed() ? "signed " : "unsigned ") + options.bitsStored() +
			"-bit storage";
		return new IllegalArgumentException(String.format(Locale.ROOT, "HU %s at column %d," +
			" row %d, slice %d (0-based) needs stored value %d, outside %d..%d of %s with" +
			" slope %s and intercept %s", hu, index % volume.width(), index / volume.width(), k,
			stored, options.minStored(), options.maxStored(), storage, options.rescaleSlope(),
			options.rescaleIntercept()));
	}

	private static void optional(DicomDataSet data, int tag, String vr, String value) {
		if (value != null) data.text(tag, vr, value);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static double[] concat(double[] a, double[] b) {
		return new double[] { a[0], a[1], a[2], b[0], b[1], b[2] };
	}
}
