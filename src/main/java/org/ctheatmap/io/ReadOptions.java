package org.ctheatmap.io;

import org.ctheatmap.core.ProgressListener;

/** Options shared by the CT readers. Instances are immutable. */
public final class ReadOptions {

	/** Reads the default series and reports no progress. */
	public static final ReadOptions DEFAULT = new ReadOptions(null, ProgressListener.NONE);

	private final String seriesUid;
	private final ProgressListener progress;

	/**
	 * @param seriesUid DICOM Series Instance UID to read from a folder with
	 *          several series, or null for the largest CT series
	 * @param progress receives per-file progress; never null
	 */
	public ReadOptions(String seriesUid, ProgressListener progress) {
		this.seriesUid = seriesUid;
		this.progress = progress == null ? ProgressListener.NONE : progress;
	}

	/** Returns the requested Series Instance UID, or null for the default choice. */
	public String seriesUid() {
		return seriesUid;
	}

	public ProgressListener progress() {
		return progress;
	}
}
