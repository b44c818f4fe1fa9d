package org.ctheatmap.io.dicom;

/**
 * Settings for {@link DicomSeriesWriter}: encoding of the stored values,
 * identifiers and descriptive attributes. Create with {@link #builder()};
 * instances are immutable.
 */
public final class DicomWriteOptions {

	/** Instance Number order relative to the slice index. */
	public enum InstanceOrder {
		/** Instance Number k + 1 for slice index k. */
		ASCENDING,
		/** Instance Number depth - k for slice index k, so it runs against position. */
		REVERSED
	}

	/** File naming scheme. */
	public enum FileNaming {
		/** "CT00001.dcm" for slice index 0, in slice order. */
		SLICE_ORDER,
		/** "CT" + a shuffled index, so neither names nor file order follow the slices. */
		SHUFFLED
	}

	private final DicomTransferSyntax transferSyntax;
	private final boolean signed;
	private final int bitsAllocated;
	private final int bitsStored;
	private final double rescaleSlope;
	private final double rescaleIntercept;
	private final String seriesInstanceUid;
	private final String studyInstanceUid;
	private final String frameOfReferenceUid;
	private final String seriesDescription;
	private final int seriesNumber;
	private final String studyDate;
	private final String manufacturer;
	private final String manufacturerModelName;
	private final String convolutionKernel;
	private final String patientName;
	private final String patientId;
	private final String patientBirthDate;
	private final InstanceOrder instanceOrder;
	private final FileNaming fileNaming;
	private final long shuffleSeed;

	private DicomWriteOptions(Builder b) {
		transferSyntax = b.transferSyntax;
		signed = b.signed;
		bitsAllocated = b.bitsAllocated;
		bitsStored = b.bitsStored;
		rescaleSlope = b.rescaleSlope;
		rescaleIntercept = b.rescaleIntercept;
		seriesInstanceUid = b.seriesInstanceUid;
		studyInstanceUid = b.studyInstanceUid;
		frameOfReferenceUid = b.frameOfReferenceUid;
		seriesDescription = b.seriesDescription;
		seriesNumber = b.seriesNumber;
		studyDate = b.studyDate;
		manufacturer = b.manufacturer;
		manufacturerModelName = b.manufacturerModelName;
		convolutionKernel = b.convolutionKernel;
		patientName = b.patientName;
		patientId = b.patientId;
		patientBirthDate = b.patientBirthDate;
		instanceOrder = b.instanceOrder;
		fileNaming = b.fileNaming;
		shuffleSeed = b.shuffleSeed;
	}

	/**
	 * Returns a builder with the defaults: Explicit VR Little Endian, signed
	 * 16-bit storage, slope 1, intercept -1024, generated UIDs, series number
	 * 1, ascending Instance Numbers, file names in slice order.
	 */
	public static Builder builder() {
		return new Builder();
	}

	public DicomTransferSyntax transferSyntax() {
		return transferSyntax;
	}

	/** Returns whether values are stored signed (Pixel Representation 1). */
	public boolean signed() {
		return signed;
	}

	public int bitsAllocated() {
		return bitsAllocated;
	}

	public int bitsStored() {
		return bitsStored;
	}

	public double rescaleSlope() {
		return rescaleSlope;
	}

	/** Returns the Rescale Intercept in HU. */
	public double rescaleIntercept() {
		return rescaleIntercept;
	}

	/** Returns the Series Instance UID, or null to generate one per write. */
	public String seriesInstanceUid() {
		return seriesInstanceUid;
	}

	/** Returns the Study Instance UID, or null to generate one per write. */
	public String studyInstanceUid() {
		return studyInstanceUid;
	}

	/** Returns the Frame of Reference UID, or null to generate one per write. */
	public String frameOfReferenceUid() {
		return frameOfReferenceUid;
	}

	public String seriesDescription() {
		return seriesDescription;
	}

	public int seriesNumber() {
		return seriesNumber;
	}

	/** Returns the Study Date as YYYYMMDD, or null to leave it empty. */
	public String studyDate() {
		return studyDate;
	}

	public String manufacturer() {
		return manufacturer;
	}

	public String manufacturerModelName() {
		return manufacturerModelName;
	}

	public String convolutionKernel() {
		return convolutionKernel;
	}

	/** Returns the Patient's Name to write, or null for an empty value. */
	public String patientName() {
		return patientName;
	}

	/** Returns the Patient ID to write, or null for an empty value. */
	public String patientId() {
		return patientId;
	}

	/** Returns the Patient's Birth Date to write, or null for an empty value. */
	public String patientBirthDate() {
		return patientBirthDate;
	}

	public InstanceOrder instanceOrder() {
		return instanceOrder;
	}

	public FileNaming fileNaming() {
		return fileNaming;
	}

	/** Returns the seed of the shuffle for {@link FileNaming#SHUFFLED}. */
	public long shuffleSeed() {
		return shuffleSeed;
	}

	/** Smallest stored value the encoding can hold. */
	long minStored() {
		return signed ? -(1L << (bitsStored - 1)) : 0;
	}

	/** Largest stored value the encoding can hold. */
	long maxStored() {
		return signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
	}

	/** Builder of {@link DicomWriteOptions}; setters return the builder. */
	public static final class Builder {

		private DicomTransferSyntax transferSyntax = DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
		private boolean signed = true;
		private int bitsAllocated = 16;
		private int bitsStored = 16;
		private double rescaleSlope = 1;
		private double rescaleIntercept = -1024;
		private String seriesInstanceUid;
		private String studyInstanceUid;
		private String frameOfReferenceUid;
		private String seriesDescription = "";
		private int seriesNumber = 1;
		private String studyDate;
		private String manufacturer = "CT Heat Map";
		private String manufacturerModelName;
		private String convolutionKernel;
		private String patientName;
		private String patientId;
		private String patientBirthDate;
		private InstanceOrder instanceOrder = InstanceOrder.ASCENDING;
		private FileNaming fileNaming = FileNaming.SLICE_ORDER;
		private long shuffleSeed = 1;

		private Builder() {}

		public Builder transferSyntax(DicomTransferSyntax value) {
			transferSyntax = value;
			return this;
		}

		/** Sets signed (Pixel Representation 1) or unsigned (0) storage. */
		public Builder signed(boolean value) {
			signed = value;
			return this;
		}

		/** Sets Bits Allocated and Bits Stored; High Bit is Bits Stored - 1. */
		public Builder bits(int allocated, int stored) {
			bitsAllocated = allocated;
			bitsStored = stored;
			return this;
		}

		/**
		 * Sets Rescale Slope and Rescale Intercept (HU); the stored value is
		 * round((HU - intercept) / slope).
		 */
		public Builder rescale(double slope, double intercept) {
			rescaleSlope = slope;
			rescaleIntercept = intercept;
			return this;
		}

		/** Sets the Study, Series and Frame of Reference UIDs; null ones are generated. */
		public Builder uids(String study, String series, String frameOfReference) {
			studyInstanceUid = study;
			seriesInstanceUid = series;
			frameOfReferenceUid = frameOfReference;
			return this;
		}

		public Builder series(String description, int number) {
			seriesDescription = description;
			seriesNumber = number;
			return this;
		}

		/** Sets the Study Date as YYYYMMDD. */
		public Builder studyDate(String value) {
			studyDate = value;
			return this;
		}

		public Builder equipment(String manufacturerName, String modelName, String kernel) {
			manufacturer = manufacturerName;
			manufacturerModelName = modelName;
			convolutionKernel = kernel;
			return this;
		}

		/** Sets patient attributes, e.g. a fake "PHANTOM^TEST", to check that readers drop them. */
		public Builder patient(String name, String id, String birthDate) {
			patientName = name;
			patientId = id;
			patientBirthDate = birthDate;
			return this;
		}

		public Builder instanceOrder(InstanceOrder value) {
			instanceOrder = value;
			return this;
		}

		/** Sets the file naming; {@code seed} fixes the shuffle of {@link FileNaming#SHUFFLED}. */
		public Builder fileNaming(FileNaming value, long seed) {
			fileNaming = value;
			shuffleSeed = seed;
			return this;
		}

		/**
		 * Returns the options.
		 *
		 * @throws IllegalArgumentException if the bit depths, slope or syntax are
		 *           invalid, or the syntax is one the writer cannot encode (JPEG)
		 */
		public DicomWriteOptions build() {
			if (bitsAllocated != 8 && bitsAllocated != 16) {
				throw new IllegalArgumentException("Bits Allocated must be 8 or 16, got " +
					bitsAllocated);
			}
			if (bitsStored < 2 || bitsStored > bitsAllocated) {
				throw new IllegalArgumentException("Bits Stored must be 2 to " + bitsAllocated +
					", got " + bitsStored);
			}
			if (!(rescaleSlope > 0) || !Double.isFinite(rescaleSlope) || !Double.isFinite(
				rescaleIntercept))
			{
				throw new IllegalArgumentException("Rescale slope must be positive and intercept" +
					" finite, got " + rescaleSlope + " and " + rescaleIntercept);
			}
			if (transferSyntax == null || instanceOrder == null || fileNaming == null) {
				throw new IllegalArgumentException("Transfer syntax, instance order and file" +
					" naming must not be null");
			}
			if (!transferSyntax.writable()) {
				throw new IllegalArgumentException("Cannot write " + transferSyntax
					.displayName() + "; the writer supports the uncompressed syntaxes, Deflated" +
					" Explicit VR Little Endian and RLE Lossless");
			}
			return new DicomWriteOptions(this);
		}
	}
}
