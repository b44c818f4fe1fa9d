package org.ctheatmap.phantom;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomTransferSyntax;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;

/**
 * Writes the phantom's time points as files: per time point a DICOM series
 * folder {@code <name>-dicom/} and a NIfTI file {@code <name>.nii.gz} (int16),
 * plus {@value #GROUND_TRUTH} with the ground truth.
 * <p>
 * The DICOM series use different encodings so that readers are exercised.
 * The baseline is unsigned (12 of 16 bits stored) with intercept -1024 in
 * Explicit VR Little Endian. The growth follow-up is signed with intercept 0
 * in Implicit VR Little Endian. The HU follow-up is signed with intercept
 * -1024 in Explicit VR Little Endian, with Instance Numbers against the slice
 * order and shuffled file names. Study, series and frame-of-reference UIDs are derived from
 * fixed names, so they are the same on every run. The series carry the fake
 * patient {@value #FAKE_PATIENT_NAME}, ID {@value #FAKE_PATIENT_ID} and birth
 * date {@value #FAKE_BIRTH_DATE}, so tests can check that no output repeats
 * them.
 * <p>
 * Every output is byte-identical between runs: the DICOM writer derives the
 * SOP Instance UIDs from the given series UID, and nothing records the time.
 */
public final class PhantomWriter {

	/** File name of the ground-truth sidecar. */
	public static final String GROUND_TRUTH = "ground-truth.json";

	public static final String FAKE_PATIENT_NAME = "PHANTOM^TEST";
	public static final String FAKE_PATIENT_ID = "PHANTOM-0001";
	public static final String FAKE_BIRTH_DATE = "19700101";

	private PhantomWriter() {}

	/** Returns the DICOM series folder name of a time point, e.g. "baseline-dicom". */
	public static String dicomFolderName(PhantomTimePoint timePoint) {
		return timePoint.name() + "-dicom";
	}

	/** Returns the NIfTI file name of a time point, e.g. "baseline.nii.gz". */
	public static String niftiFileName(PhantomTimePoint timePoint) {
		return timePoint.name() + ".nii.gz";
	}

	/** Returns the names of every file and folder {@link #write} creates, in writing order. */
	public static List<String> outputNames() {
		List<String> names = new ArrayList<>();
		for (PhantomTimePoint timePoint : PhantomTimePoint.standardSeries()) {
			names.add(dicomFolderName(timePoint));
			names.add(niftiFileName(timePoint));
		}
		names.add(GROUND_TRUTH);
		return Collections.unmodifiableList(names);
	}

	/**
	 * Generates every standard time point and writes it into a folder.
	 *
	 * @param folder existing folder; outputs of the same names are replaced
	 * @param progress receives one report per time point
	 * @throws IOException if a file cannot be written
	 */
	public static void write(Path folder, ProgressListener progress) throws IOException {
		List<PhantomTimePoint> timePoints = PhantomTimePoint.standardSeries();
		Map<String, Object> groundTruth = new LinkedHashMap<>(PhantomGroundTruth.common());
		List<Object> entries = new ArrayList<>();
		for (int t = 0; t < timePoints.size(); t++) {
			PhantomTimePoint timePoint = timePoints.get(t);
			progress.progress("Writing phantom time point", t, timePoints.size());
			CtVolume volume = PhantomGenerator.generate(timePoint);
			DicomWriteOptions options = dicomOptions(timePoint, t + 1);
			DicomSeriesWriter.write(volume, folder.resolve(dicomFolderName(timePoint)), options);
			NiftiWriter.write(volume, folder.resolve(niftiFileName(timePoint)),
				NiftiDataType.INT16);
			Map<String, Object> entry = PhantomGroundTruth.timePoint(timePoint, volume);
			entry.put("files", files(timePoint, options));
			entries.add(entry);
		}
		groundTruth.put("timePoints", entries);
		JsonWriter.write(groundTruth, folder.resolve(GROUND_TRUTH));
		progress.progress("Writing phantom time point", timePoints.size(), timePoints.size());
	}

	/** Returns the DICOM encoding of a time point; {@code seriesNumber} is 1-based. */
	static DicomWriteOptions dicomOptions(PhantomTimePoint timePoint, int seriesNumber) {
		DicomWriteOptions.Builder builder = DicomWriteOptions.builder().uids(uid("study " +
			timePoint.name()), uid("series " + timePoint.name()), uid("frame of reference"))
			.series(timePoint.description(), seriesNumber).studyDate(timePoint.studyDate())
			.equipment("CT Heat Map", "Synthetic phantom", "STANDARD").patient(FAKE_PATIENT_NAME,
				FAKE_PATIENT_ID, FAKE_BIRTH_DATE);
		if (timePoint == PhantomTimePoint.BASELINE) {
			builder.transferSyntax(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).signed(false)
				.bits(16, 12).rescale(1, -1024);
		} else if (timePoint == PhantomTimePoint.FOLLOW_UP_GROWTH) {
			builder.transferSyntax(DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).signed(true)
				.bits(16, 16).rescale(1, 0);
		} else {
			builder.transferSyntax(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).signed(true)
				.bits(16, 16).rescale(1, -1024).instanceOrder(
					DicomWriteOptions.InstanceOrder.REVERSED).fileNaming(
						DicomWriteOptions.FileNaming.SHUFFLED, timePoint.seed());
		}
		return builder.build();
	}

	private static Map<String, Object> files(PhantomTimePoint timePoint,
		DicomWriteOptions options)
	{
		Map<String, Object> dicom = new LinkedHashMap<>();
		dicom.put("folder", dicomFolderName(timePoint));
		dicom.put("transferSyntax", options.transferSyntax().uid());
		dicom.put("pixelRepresentation", options.signed() ? "signed" : "unsigned");
		dicom.put("bitsStored", options.bitsStored());
		dicom.put("rescaleSlope", options.rescaleSlope());
		dicom.put("rescaleIntercept", options.rescaleIntercept());
		dicom.put("instanceOrder", options.instanceOrder().toString());
		dicom.put("fileNaming", options.fileNaming().toString());
		dicom.put("seriesInstanceUid", options.seriesInstanceUid());
		dicom.put("studyInstanceUid", options.studyInstanceUid());
		dicom.put("frameOfReferenceUid", options.frameOfReferenceUid());
		Map<String, Object> files = new LinkedHashMap<>();
		files.put("dicom", dicom);
		files.put("nifti", niftiFileName(timePoint));
		files.put("niftiDatatype", "int16, scl_slope 1, scl_inter 0: stored value = HU");
		return files;
	}

	/**
	 * Returns a UID under the 2.25 root for UUID-derived UIDs: "2.25." + the
	 * decimal value of the name-based UUID of "ct-heatmap phantom " + name.
	 */
	static String uid(String name) {
		UUID uuid = UUID.nameUUIDFromBytes(("ct-heatmap phantom " + name).getBytes(
			StandardCharsets.UTF_8));
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		return "2.25." + new BigInteger(1, bytes.array());
	}
}
