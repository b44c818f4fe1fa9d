package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Writes a {@link CtVolume} as a DICOM CT Image Storage series, one file per
 * slice, in one of the uncompressed transfer syntaxes.
 * <p>
 * Slice k (0-based) gets Image Position (Patient) =
 * {@code geometry.voxelToPatient(0, 0, k)}, so tilted and oblique geometries
 * are written exactly. Stored values are {@code round((HU - intercept) / slope)}.
 * Each file is written under a hidden temporary name in the target folder
 * and then renamed, so an interrupted write leaves no partial file under a
 * final name. When the Series Instance UID is given, SOP Instance UIDs are
 * derived from it ("series UID.instance number"), so writing the same volume
 * with the same options gives byte-identical files.
 * <p>
 * Limitations: 4-D volumes are rejected. Gantry/Detector Tilt is not written,
 * because the geometry is fully given by Image Position and Orientation
 * (Patient), which is what this package's reader uses.
 */
public final class DicomSeriesWriter {

	/** SOP Class UID of CT Image Storage. */
	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	/** Implementation Class UID of files written by this class, generated once as a 2.25 UID. */
	static final String IMPLEMENTATION_CLASS_UID = "2.25.83427651906358371541720587372045830213";

	private DicomSeriesWriter() {}

	/**
	 * Writes every slice of a 3-D volume to its own file; the volume is not
	 * modified. Existing files with the same names are replaced.
	 *
	 * @param folder target folder, created if missing
	 * @return the written files, in slice order
	 * @throws IllegalArgumentException if the volume has several time points,
	 *           or a HU value (NaN included) cannot be stored with the options'
	 *           bits, sign, slope and intercept
	 * @throws IOException if a file cannot be written
	 */
	public static List<Path> write(CtVolume volume, Path folder, DicomWriteOptions options)
		throws IOException
	{
		if (volume.frames() > 1) {
			throw new IllegalArgumentException("Cannot write a volume with " + volume.frames() +
				" time points as one DICOM series; write each time point separately");
		}
		Files.createDirectories(folder);
		String study = orNew(options.studyInstanceUid());
		String series = orNew(options.seriesInstanceUid());
		String frame = orNew(options.frameOfReferenceUid());
		List<String> names = fileNames(volume.depth(), options);
		List<Path> written = new ArrayList<>();
		for (int k = 0; k < volume.depth(); k++) {
			SliceEncoder encoder = new SliceEncoder(volume, options);
			String instance = options.seriesInstanceUid() == null ? DicomUids.generate()
				: DicomUids.child(series, encoder.instanceNumber(k));
			DicomDataSet slice = encoder.slice(k, study, series, frame, instance);
			Path target = folder.resolve(names.get(k));
			writeFile(target, slice, CT_IMAGE_STORAGE, instance, options.transferSyntax());
			written.add(target);
		}
		return written;
	}

	/**
	 * Writes a data set as a DICOM Part 10 file (preamble, "DICM", File Meta
	 * Information), through a temporary file that is renamed at the end.
	 */
	static void writeFile(Path target, DicomDataSet dataSet, String sopClassUid,
		String sopInstanceUid, DicomTransferSyntax syntax) throws IOException
	{
		byte[] bytes = encodeFile(dataSet, sopClassUid, sopInstanceUid, syntax);
		Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
		Files.write(temporary, bytes);
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Returns the bytes of a Part 10 file containing the data set. */
	static byte[] encodeFile(DicomDataSet dataSet, String sopClassUid, String sopInstanceUid,
		DicomTransferSyntax syntax)
	{
		byte[] meta = new DicomDataSet().binary(0x00020001, "OB", new byte[] { 0, 1 }).text(
			DicomTag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", sopClassUid).text(
				DicomTag.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", sopInstanceUid).text(
					DicomTag.TRANSFER_SYNTAX_UID, "UI", syntax.uid()).text(0x00020012, "UI",
						IMPLEMENTATION_CLASS_UID).text(0x00020013, "SH", "CTHEATMAP").encode(
							DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		byte[] body = dataSet.encode(syntax);
		ByteBuffer file = ByteBuffer.allocate(128 + 4 + 12 + meta.length + body.length).order(
			ByteOrder.LITTLE_ENDIAN);
		file.position(128);
		file.put(new byte[] { 'D', 'I', 'C', 'M' });
		// File Meta Information Group Length (0002,0000), UL.
		file.putShort((short) 2).putShort((short) 0).put((byte) 'U').put((byte) 'L');
		file.putShort((short) 4).putInt(meta.length);
		file.put(meta).put(body);
		return file.array();
	}

	private static List<String> fileNames(int depth, DicomWriteOptions options) {
		List<Integer> numbers = new ArrayList<>();
		for (int k = 0; k < depth; k++) {
			numbers.add(k + 1);
		}
		if (options.fileNaming() == DicomWriteOptions.FileNaming.SHUFFLED) {
			Collections.shuffle(numbers, new Random(options.shuffleSeed()));
		}
		List<String> names = new ArrayList<>();
		for (int number : numbers) {
			names.add(String.format(Locale.ROOT, "CT%05d.dcm", number));
		}
		return names;
	}

	private static String orNew(String uid) {
		return uid == null ? DicomUids.generate() : uid;
	}

	/** Builds the data set of one slice. */
	private static final class SliceEncoder {

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
			data.text(DicomTag.SOP_CLASS_UID, "UI", CT_IMAGE_STORAGE);
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
			boolean words = options.bitsAllocated() == 16;
			data.binary(DicomTag.PIXEL_DATA, words ? "OW" : "OB", storedPixels(k, words));
			return data;
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
}
