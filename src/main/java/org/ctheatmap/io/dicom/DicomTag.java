package org.ctheatmap.io.dicom;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tags of the DICOM attributes this package reads or writes, as
 * {@code group << 16 | element}, with their keyword and value representation
 * (VR) from DICOM PS3.6.
 * <p>
 * The table doubles as the list of attributes the parser keeps: every other
 * element, including Patient's Name, Patient ID and Patient's Birth Date, is
 * skipped without being stored. The VR here is used for Implicit VR files,
 * which do not carry it.
 */
final class DicomTag {

	static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
	static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
	static final int TRANSFER_SYNTAX_UID = 0x00020010;
	static final int SPECIFIC_CHARACTER_SET = 0x00080005;
	static final int IMAGE_TYPE = 0x00080008;
	static final int SOP_CLASS_UID = 0x00080016;
	static final int SOP_INSTANCE_UID = 0x00080018;
	static final int STUDY_DATE = 0x00080020;
	static final int MODALITY = 0x00080060;
	static final int MANUFACTURER = 0x00080070;
	static final int SERIES_DESCRIPTION = 0x0008103E;
	static final int MANUFACTURER_MODEL_NAME = 0x00081090;
	static final int PATIENT_NAME = 0x00100010;
	static final int PATIENT_ID = 0x00100020;
	static final int PATIENT_BIRTH_DATE = 0x00100030;
	static final int CONTRAST_BOLUS_AGENT = 0x00180010;
	static final int BODY_PART_EXAMINED = 0x00180015;
	static final int SLICE_THICKNESS = 0x00180050;
	static final int KVP = 0x00180060;
	static final int SPACING_BETWEEN_SLICES = 0x00180088;
	static final int GANTRY_DETECTOR_TILT = 0x00181120;
	static final int X_RAY_TUBE_CURRENT = 0x00181151;
	static final int EXPOSURE = 0x00181152;
	static final int CONVOLUTION_KERNEL = 0x00181210;
	static final int STUDY_INSTANCE_UID = 0x0020000D;
	static final int SERIES_INSTANCE_UID = 0x0020000E;
	static final int SERIES_NUMBER = 0x00200011;
	static final int INSTANCE_NUMBER = 0x00200013;
	static final int IMAGE_POSITION_PATIENT = 0x00200032;
	static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
	static final int FRAME_OF_REFERENCE_UID = 0x00200052;
	static final int STACK_ID = 0x00209056;
	static final int IN_STACK_POSITION_NUMBER = 0x00209057;
	static final int TEMPORAL_POSITION_INDEX = 0x00209128;
	static final int SAMPLES_PER_PIXEL = 0x00280002;
	static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
	static final int NUMBER_OF_FRAMES = 0x00280008;
	static final int ROWS = 0x00280010;
	static final int COLUMNS = 0x00280011;
	static final int PIXEL_SPACING = 0x00280030;
	static final int BITS_ALLOCATED = 0x00280100;
	static final int BITS_STORED = 0x00280101;
	static final int HIGH_BIT = 0x00280102;
	static final int PIXEL_REPRESENTATION = 0x00280103;
	static final int PIXEL_PADDING_VALUE = 0x00280120;
	static final int WINDOW_CENTER = 0x00281050;
	static final int WINDOW_WIDTH = 0x00281051;
	static final int RESCALE_INTERCEPT = 0x00281052;
	static final int RESCALE_SLOPE = 0x00281053;
	static final int RESCALE_TYPE = 0x00281054;
	static final int PIXEL_DATA = 0x7FE00010;

	/** Sequences of the multi-frame functional groups (PS3.3 C.7.6.16) that the parser reads. */
	static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
	static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
	static final int FRAME_CONTENT_SEQUENCE = 0x00209111;
	static final int PLANE_POSITION_SEQUENCE = 0x00209113;
	static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
	static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
	static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
	static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;

	/** Item, Item Delimitation and Sequence Delimitation tags (group FFFE). */
	static final int ITEM = 0xFFFEE000;
	static final int ITEM_DELIMITATION = 0xFFFEE00D;
	static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

	/** Tags that the parser stores, with keyword and VR. */
	private static final Map<Integer, String[]> KEPT = new HashMap<>();

	/** Sequences the parser reads into, with keyword; their VR is SQ. */
	private static final Map<Integer, String> SEQUENCES = new HashMap<>();

	static {
		keep(MEDIA_STORAGE_SOP_CLASS_UID, "MediaStorageSOPClassUID", "UI");
		keep(TRANSFER_SYNTAX_UID, "TransferSyntaxUID", "UI");
		keep(SPECIFIC_CHARACTER_SET, "SpecificCharacterSet", "CS");
		keep(IMAGE_TYPE, "ImageType", "CS");
		keep(SOP_CLASS_UID, "SOPClassUID", "UI");
		keep(SOP_INSTANCE_UID, "SOPInstanceUID", "UI");
		keep(STUDY_DATE, "StudyDate", "DA");
		keep(MODALITY, "Modality", "CS");
		keep(MANUFACTURER, "Manufacturer", "LO");
		keep(SERIES_DESCRIPTION, "SeriesDescription", "LO");
		keep(MANUFACTURER_MODEL_NAME, "ManufacturerModelName", "LO");
		keep(CONTRAST_BOLUS_AGENT, "ContrastBolusAgent", "LO");
		keep(BODY_PART_EXAMINED, "BodyPartExamined", "CS");
		keep(SLICE_THICKNESS, "SliceThickness", "DS");
		keep(KVP, "KVP", "DS");
		keep(SPACING_BETWEEN_SLICES, "SpacingBetweenSlices", "DS");
		keep(GANTRY_DETECTOR_TILT, "GantryDetectorTilt", "DS");
		keep(X_RAY_TUBE_CURRENT, "XRayTubeCurrent", "IS");
		keep(EXPOSURE, "Exposure", "IS");
		keep(CONVOLUTION_KERNEL, "ConvolutionKernel", "SH");
		keep(STUDY_INSTANCE_UID, "StudyInstanceUID", "UI");
		keep(SERIES_INSTANCE_UID, "SeriesInstanceUID", "UI");
		keep(SERIES_NUMBER, "SeriesNumber", "IS");
		keep(INSTANCE_NUMBER, "InstanceNumber", "IS");
		keep(IMAGE_POSITION_PATIENT, "ImagePositionPatient", "DS");
		keep(IMAGE_ORIENTATION_PATIENT, "ImageOrientationPatient", "DS");
		keep(FRAME_OF_REFERENCE_UID, "FrameOfReferenceUID", "UI");
		keep(STACK_ID, "StackID", "SH");
		keep(IN_STACK_POSITION_NUMBER, "InStackPositionNumber", "UL");
		keep(TEMPORAL_POSITION_INDEX, "TemporalPositionIndex", "UL");
		keep(SAMPLES_PER_PIXEL, "SamplesPerPixel", "US");
		keep(PHOTOMETRIC_INTERPRETATION, "PhotometricInterpretation", "CS");
		keep(NUMBER_OF_FRAMES, "NumberOfFrames", "IS");
		keep(ROWS, "Rows", "US");
		keep(COLUMNS, "Columns", "US");
		keep(PIXEL_SPACING, "PixelSpacing", "DS");
		keep(BITS_ALLOCATED, "BitsAllocated", "US");
		keep(BITS_STORED, "BitsStored", "US");
		keep(HIGH_BIT, "HighBit", "US");
		keep(PIXEL_REPRESENTATION, "PixelRepresentation", "US");
		// NB: US or SS depending on Pixel Representation; DicomHeader sorts that out.
		keep(PIXEL_PADDING_VALUE, "PixelPaddingValue", "US");
		keep(WINDOW_CENTER, "WindowCenter", "DS");
		keep(WINDOW_WIDTH, "WindowWidth", "DS");
		keep(RESCALE_INTERCEPT, "RescaleIntercept", "DS");
		keep(RESCALE_SLOPE, "RescaleSlope", "DS");
		keep(RESCALE_TYPE, "RescaleType", "LO");

		SEQUENCES.put(SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SharedFunctionalGroupsSequence");
		SEQUENCES.put(PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, "PerFrameFunctionalGroupsSequence");
		SEQUENCES.put(FRAME_CONTENT_SEQUENCE, "FrameContentSequence");
		SEQUENCES.put(PLANE_POSITION_SEQUENCE, "PlanePositionSequence");
		SEQUENCES.put(PLANE_ORIENTATION_SEQUENCE, "PlaneOrientationSequence");
		SEQUENCES.put(PIXEL_MEASURES_SEQUENCE, "PixelMeasuresSequence");
		SEQUENCES.put(FRAME_VOI_LUT_SEQUENCE, "FrameVOILUTSequence");
		SEQUENCES.put(PIXEL_VALUE_TRANSFORMATION_SEQUENCE, "PixelValueTransformationSequence");
	}

	private DicomTag() {}

	private static void keep(int tag, String keyword, String vr) {
		KEPT.put(tag, new String[] { keyword, vr });
	}

	/** Returns whether the parser stores the value of this tag. */
	static boolean isKept(int tag) {
		return KEPT.containsKey(tag);
	}

	/**
	 * Returns the dictionary VR of a kept tag, "SQ" for the sequences the
	 * parser reads into, or "UN" for any other tag.
	 */
	static String dictionaryVr(int tag) {
		if (SEQUENCES.containsKey(tag)) return "SQ";
		String[] entry = KEPT.get(tag);
		return entry == null ? "UN" : entry[1];
	}

	/** Returns the keyword of a kept tag or a known sequence, or null. */
	static String keyword(int tag) {
		if (SEQUENCES.containsKey(tag)) return SEQUENCES.get(tag);
		String[] entry = KEPT.get(tag);
		return entry == null ? null : entry[0];
	}

	/** Returns the tag as "(gggg,eeee)" with upper-case hex digits. */
	static String toString(int tag) {
		return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
	}

	/** Returns the tag with its keyword when known, e.g. "Rows (0028,0010)". */
	static String describe(int tag) {
		String keyword = keyword(tag);
		return keyword == null ? toString(tag) : keyword + " " + toString(tag);
	}
}
