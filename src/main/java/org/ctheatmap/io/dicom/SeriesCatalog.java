package org.ctheatmap.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * The image series found in a scanned input, grouped by Series Instance UID,
 * with notes on the files that were skipped, and the rule that picks one
 * series to read.
 */
final class SeriesCatalog {

	/** Key for images without a Series Instance UID. */
	static final String NO_UID = "";

	/** The images of one series, in scan order: files, and frames of multi-frame files. */
	static final class Series {

		final String uid;
		final List<DicomHeader> images = new ArrayList<>();

		Series(String uid) {
			this.uid = uid;
		}

		String description() {
			return images.get(0).text(DicomTag.SERIES_DESCRIPTION, "");
		}

		String modality() {
			return images.get(0).text(DicomTag.MODALITY, "");
		}

		/** Returns a one-line summary: UID, description and slice count. */
		String summary() {
			String uidText = uid.equals(NO_UID) ? "(no Series Instance UID)" : uid;
			return uidText + " \"" + description() + "\" (" + modality() + ", " + images.size() +
				" images)";
		}
	}

	/** Series sorted by decreasing number of images, then UID. */
	final List<Series> series;
	/** Notes on skipped non-image and unreadable files, for the warnings. */
	final List<String> notes;

	private SeriesCatalog(List<Series> series, List<String> notes) {
		this.series = series;
		this.notes = notes;
	}

	/**
	 * Groups the scanned headers.
	 *
	 * @throws InvalidInputException if the input contains no readable image: the
	 *           first parse error when there was one, else a message on what
	 *           was found
	 */
	static SeriesCatalog of(Path input, DicomFolderScanner scan) throws InvalidInputException {
		Map<String, Series> byUid = new LinkedHashMap<>();
		List<String> nonImages = new ArrayList<>();
		for (DicomHeader header : scan.headers) {
			if (!header.hasPixelData()) {
				nonImages.add(header.fileName() + " (" + header.text(DicomTag.MODALITY, "?") + ")");
				continue;
			}
			String uid = header.text(DicomTag.SERIES_INSTANCE_UID, NO_UID);
			// Each frame of a multi-frame file is an image of the series.
			byUid.computeIfAbsent(uid, Series::new).images.addAll(header.frames());
		}
		if (byUid.isEmpty()) {
			if (!scan.failures.isEmpty()) throw scan.failures.get(0);
			throw new InvalidInputException(input, nonImages.isEmpty() ? "no DICOM files found"
				: "no DICOM images found, only " + nonImages.size() + " object(s) without Pixel" +
					" Data: " + SeriesAssembler.list(nonImages));
		}
		List<String> notes = new ArrayList<>();
		if (!nonImages.isEmpty()) {
			notes.add("Skipped " + nonImages.size() + " non-image object(s) without Pixel Data" +
				" (structured reports, RT structures, presentation states): " + SeriesAssembler
					.list(nonImages) + ".");
		}
		if (!scan.failures.isEmpty()) {
			List<String> messages = new ArrayList<>();
			scan.failures.forEach(failure -> messages.add(failure.getMessage()));
			notes.add("Skipped " + messages.size() + " unreadable DICOM file(s): " + SeriesAssembler
				.list(messages));
		}
		List<Series> series = new ArrayList<>(byUid.values());
		series.sort(Comparator.<Series> comparingInt(s -> -s.images.size()).thenComparing(
			s -> s.uid));
		return new SeriesCatalog(series, notes);
	}

	/**
	 * Returns the requested series, or by default the CT series with the most
	 * images (the largest series of any modality when there is no CT). Adds a
	 * warning naming the choice and the other series when there are several.
	 *
	 * @param uid Series Instance UID to read, or null for the default
	 * @throws InvalidInputException if no series has the requested UID
	 */
	Series choose(Path input, String uid, List<String> warnings) throws InvalidInputException {
		Series chosen = null;
		if (uid != null) {
			chosen = series.stream().filter(s -> s.uid.equals(uid)).findFirst().orElse(null);
			if (chosen == null) {
				throw new InvalidInputException(input, "no series with Series Instance UID " + uid +
					"; found " + others(null));
			}
		} else {
			chosen = series.stream().filter(s -> "CT".equals(s.modality())).findFirst().orElse(
				series.get(0));
		}
		if (series.size() > 1) {
			String reason = uid != null ? "as requested" : "CT".equals(chosen.modality())
				? "the largest CT series" : "the largest series; none is CT";
			warnings.add("Read series " + chosen.summary() + ", " + reason + ", out of " + series
				.size() + " series. Others: " + others(chosen) + ".");
		}
		return chosen;
	}

	private String others(Series except) {
		List<String> summaries = new ArrayList<>();
		for (Series s : series) {
			if (s != except) summaries.add(s.summary());
		}
		return String.join("; ", summaries);
	}
}
