package org.ctheatmap.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * Builds the header of a parsed file and, for a multi-frame image, one header
 * per frame whose values merge the top level with the Shared and that
 * frame's Per-frame Functional Groups (PS3.3 C.7.6.16).
 * <p>
 * Values of the Per-frame group win over the Shared group, which wins over
 * the top level, so Rescale Slope and Intercept come from the Pixel Value
 * Transformation macro even when the top level lacks or contradicts them.
 */
final class FrameHeaders {

	private FrameHeaders() {}

	/**
	 * Returns the file header; its {@link DicomHeader#frames()} lists one
	 * header per frame.
	 *
	 * @param shared kept values of the Shared Functional Groups, or null when absent
	 * @param perFrame kept values of each Per-frame Functional Groups item, or null
	 * @throws InvalidInputException if Number of Frames is invalid, or a
	 *           multi-frame image lacks one Per-frame Functional Groups item per
	 *           frame, without which its frames cannot be placed
	 */
	static DicomHeader build(Path file, String transferSyntaxUid, Map<Integer, RawValue> topLevel,
		Map<Integer, RawValue> shared, List<Map<Integer, RawValue>> perFrame,
		PixelDataLocation location) throws InvalidInputException
	{
		Map<Integer, String> values = RawValue.decodeAll(topLevel);
		DicomHeader fileHeader = new DicomHeader(file, transferSyntaxUid, values, location, 0,
			null);
		int frames = fileHeader.integer(DicomTag.NUMBER_OF_FRAMES, 1);
		if (frames < 1 || frames > DicomParser.MAX_FRAMES) {
			throw new InvalidInputException(file, "invalid Number of Frames (0028,0008) " + frames +
				"; expected 1 to " + DicomParser.MAX_FRAMES);
		}
		if (shared == null && perFrame == null) {
			if (frames > 1 && location.offset >= 0) {
				throw new InvalidInputException(file, "multi-frame image (" + frames + " frames," +
					" SOP Class " + fileHeader.text(DicomTag.SOP_CLASS_UID, "unknown") + ") has no" +
					" Shared or Per-frame Functional Groups Sequence (5200,9229 and 5200,9230)," +
					" so its frames cannot be placed in space; only multi-frame objects with" +
					" functional groups, such as Enhanced CT, can be read");
			}
			return fileHeader;
		}
		int items = perFrame == null ? 0 : perFrame.size();
		if (items != frames) {
			throw new InvalidInputException(file, "the Per-frame Functional Groups Sequence" +
				" (5200,9230) has " + (perFrame == null ? "no" : Integer.toString(items)) +
				" items but Number of Frames is " + frames + "; each frame needs one item to" +
				" place it");
		}
		List<DicomHeader> frameHeaders = new ArrayList<>();
		for (int i = 0; i < frames; i++) {
			Map<Integer, RawValue> merged = new HashMap<>(topLevel);
			if (shared != null) merged.putAll(shared);
			merged.putAll(perFrame.get(i));
			frameHeaders.add(new DicomHeader(file, transferSyntaxUid, RawValue.decodeAll(merged),
				location, i, frameHeaders));
		}
		return new DicomHeader(file, transferSyntaxUid, values, location, 0, frameHeaders);
	}
}
