package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Shared and Per-frame Functional Groups Sequences of a
 * multi-frame image (PS3.3 C.7.6.16) for {@link DicomParser}: the kept
 * attributes in the items of their macro sequences (Plane Position, Pixel
 * Measures, Pixel Value Transformation, ...), one map per item. Deeper
 * sequences are skipped. Not thread-safe; one instance per parse.
 */
final class FunctionalGroupsReader {

	private final DicomParser parser;

	/** Kept values of the Shared Functional Groups item, or null when absent. */
	Map<Integer, RawValue> shared;
	/** Kept values of each Per-frame Functional Groups item, or null when absent. */
	List<Map<Integer, RawValue>> perFrame;

	/** End offset of the item being read, or -1 for undefined length. */
	private long itemEnd;

	FunctionalGroupsReader(DicomParser parser) {
		this.parser = parser;
	}

	/**
	 * Reads the Shared or Per-frame Functional Groups Sequence whose header the
	 * parser read last: one map of kept values per item, taken from the first
	 * item of each macro sequence in it.
	 */
	void read(boolean explicitVr) throws IOException {
		int sequenceTag = parser.tag;
		List<Map<Integer, RawValue>> items = new ArrayList<>();
		readItems(parser.length, () -> {
			if (items.size() >= DicomParser.MAX_FRAMES) {
				throw parser.corrupt(DicomTag.describe(sequenceTag) + " has more than " +
					DicomParser.MAX_FRAMES + " items");
			}
			Map<Integer, RawValue> values = new HashMap<>();
			readGroupItem(explicitVr, values);
			items.add(values);
		});
		if (sequenceTag == DicomTag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE) {
			shared = items.isEmpty() ? new HashMap<>() : items.get(0);
		} else {
			perFrame = items;
		}
	}

	/** Reads one functional group item: its macro sequences, each read into {@code values}. */
	private void readGroupItem(boolean explicitVr, Map<Integer, RawValue> values)
		throws IOException
	{
		readItemElements(explicitVr, () -> {
			if (!"SQ".equals(parser.vr)) {
				skipValue(explicitVr);
				return;
			}
			boolean[] first = { true };
			readItems(parser.length, () -> {
				// Only the first item of a macro counts, as nearly all macros have one item.
				Map<Integer, RawValue> target = first[0] ? values : new HashMap<>();
				first[0] = false;
				readItemElements(explicitVr, () -> {
					boolean kept = DicomTag.isKept(parser.tag) && !"SQ".equals(parser.vr);
					if (kept && parser.length != DicomParser.UNDEFINED_LENGTH) {
						keepInto(target);
					} else {
						skipValue(explicitVr);
					}
				});
			});
		});
	}

	/** An action on the element whose header was just read, which consumes its value. */
	private interface ElementAction {
		void run() throws IOException;
	}

	/**
	 * Reads the items of a sequence whose header was just read, with defined
	 * or undefined length, running {@code onItem} after each item header.
	 */
	private void readItems(long sequenceLength, ElementAction onItem) throws IOException {
		DicomInput in = parser.in;
		long end = sequenceLength == DicomParser.UNDEFINED_LENGTH ? -1 : in.position() +
			sequenceLength;
		while (end < 0 || in.position() < end) {
			parser.readElementHeader(false);
			if (parser.tag == DicomTag.SEQUENCE_DELIMITATION && end < 0) return;
			if (parser.tag != DicomTag.ITEM) {
				throw parser.corrupt("expected an Item (FFFE,E000) in a sequence, found " +
					DicomTag.toString(parser.tag));
			}
			itemEnd = parser.length == DicomParser.UNDEFINED_LENGTH ? -1 : in.position() +
				parser.length;
			onItem.run();
		}
		if (in.position() != end) {
			throw parser.corrupt("a sequence item runs past the end of its sequence at offset " +
				end);
		}
	}

	/** Reads the elements of the item whose header was just read, running the action on each. */
	private void readItemElements(boolean explicitVr, ElementAction onElement)
		throws IOException
	{
		long end = itemEnd;
		while (end < 0 || parser.in.position() < end) {
			parser.readElementHeader(explicitVr);
			if (parser.tag == DicomTag.ITEM_DELIMITATION && end < 0) return;
			if (parser.tag >>> 16 == 0xFFFE) {
				throw parser.corrupt("unexpected " + DicomTag.toString(parser.tag) +
					" inside an item");
			}
			onElement.run();
		}
		if (parser.in.position() != end) {
			throw parser.corrupt("an element runs past the end of its item at offset " + end);
		}
	}

	/** Stores the current element's value, with the same size limit as at top level. */
	private void keepInto(Map<Integer, RawValue> target) throws IOException {
		if (parser.length > DicomParser.MAX_KEPT_VALUE_BYTES) {
			throw parser.corrupt(DicomTag.describe(parser.tag) + " has a " + parser.length +
				"-byte value, more than the maximum of " + DicomParser.MAX_KEPT_VALUE_BYTES);
		}
		byte[] bytes = parser.in.bytes((int) parser.length);
		target.putIfAbsent(parser.tag, new RawValue(parser.tag, parser.vr, bytes, parser.in
			.order()));
	}

	/** Skips the current element's value, of defined or undefined length. */
	private void skipValue(boolean explicitVr) throws IOException {
		if (parser.length == DicomParser.UNDEFINED_LENGTH) {
			parser.skipUndefinedLength(explicitVr, 2);
		} else {
			parser.in.skip(parser.length);
		}
	}
}
