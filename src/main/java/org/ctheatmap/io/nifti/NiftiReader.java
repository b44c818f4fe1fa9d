package org.ctheatmap.io.nifti;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.raw.RasterReader;
import org.ctheatmap.io.raw.RasterShape;
import org.ctheatmap.io.raw.Reorientation;

/**
 * Reads NIfTI-1 and NIfTI-2 images ({@code .nii}, {@code .nii.gz}, and
 * {@code .hdr}/{@code .img} pairs, each part optionally gzipped) as CT
 * volumes in HU.
 * <p>
 * <b>Display orientation.</b> The voxel array is reordered while reading so
 * that ImageJ shows the anatomy like a DICOM axial series: new axis i (image
 * x) runs closest to the patient's left, new axis j (image y, downwards)
 * closest to posterior, and new axis k (slice) closest to superior. For an
 * axial scan that puts the patient's right on the left of the screen,
 * anterior at the top and the most inferior slice first. The stored axes are
 * flipped and, for sagittal or coronal acquisitions, permuted; metadata key
 * "Reoriented" records which ("none", "flipped i, j", ...). The returned
 * geometry describes the reordered grid, with its origin at the centre of new
 * voxel (0, 0, 0), so {@link PatientGeometry#voxelToPatient} stays exact.
 * <p>
 * <b>Geometry.</b> The sform is used when sform_code &gt; 0, else the qform
 * (quaternion, with qfac from pixdim[0]) when qform_code &gt; 0, else pixdim
 * alone with a warning. NIfTI's RAS+ world coordinates become LPS by
 * negating x and y. Spatial units from xyzt_units are converted to mm; an
 * undeclared unit is taken as mm with a warning. 4-D files become hyperstacks
 * with one frame per time point, and the frame interval pixdim[4] is
 * converted to seconds.
 * <p>
 * <b>Values.</b> Stored values of type uint8, int8, int16, uint16, int32,
 * uint32, float32 or float64 are scaled by scl_slope and scl_inter in double
 * precision and stored as float32 HU; see {@link NiftiScaling} for the cases
 * without scaling.
 */
public final class NiftiReader {

	private NiftiReader() {}

	/**
	 * Reads a NIfTI file; gzip compression is detected from the content. The
	 * title is the file name without its extensions. Metadata keys: Format,
	 * Source, Datatype, Description (when descrip is not empty), QformCode,
	 * SformCode, Transform (sform, qform or pixdim), Reoriented, ByteOrder and,
	 * for 4-D files with a time step, FrameIntervalSeconds.
	 *
	 * @param file a .nii or .nii.gz file, or either part of an .hdr/.img pair
	 * @param options progress is reported per stored slice; the series UID is
	 *          not used
	 * @throws InvalidInputException naming the file when it is missing,
	 *           truncated, not NIfTI, of an unsupported datatype, has invalid
	 *           dimensions, spacings or transforms, or needs more memory than
	 *           the Java heap has free
	 * @throws IOException if reading fails for another reason
	 */
	public static CtVolume read(Path file, ReadOptions options) throws IOException {
		Path headerFile = NiftiFiles.headerFileOf(file);
		Path current = headerFile;
		try (InputStream in = open(headerFile)) {
			NiftiHeader header = NiftiHeader.read(headerFile, in);
			if (!header.paired) {
				return readVoxels(headerFile, headerFile, header, in, header.size(), options);
			}
			current = NiftiFiles.dataFileOf(headerFile);
			try (InputStream data = open(current)) {
				return readVoxels(headerFile, current, header, data, 0, options);
			}
		} catch (ZipException e) {
			throw new InvalidInputException(current, "invalid gzip data: " + e.getMessage(), e);
		} catch (EOFException e) {
			// GZIPInputStream throws this when the compressed stream itself is cut off.
			throw new InvalidInputException(current, "truncated gzip data: " + e.getMessage(), e);
		} catch (NoSuchFileException e) {
			throw new InvalidInputException(current, "file not found", e);
		}
	}

	/**
	 * Reads the voxel data after the header.
	 *
	 * @param position bytes of {@code dataFile} already consumed from {@code in}
	 */
	private static CtVolume readVoxels(Path headerFile, Path dataFile, NiftiHeader header,
		InputStream in, long position, ReadOptions options) throws IOException
	{
		List<String> warnings = new ArrayList<>();
		NiftiDataType type = dataType(headerFile, header, warnings);
		NiftiDimensions dims = NiftiDimensions.of(headerFile, header, type);
		NiftiScaling scaling = NiftiScaling.of(headerFile, header);
		double[][] lps = NiftiOrientation.voxelToLps(headerFile, header, dims.spacing, warnings);
		Reorientation reorientation = Reorientation.towardsLps(lps, dims.size);

		checkDataOffset(headerFile, header, position);
		RasterShape shape = RasterShape.of(headerFile, dims.size, dims.frames, type.voxelType());
		checkDataLength(dataFile, header, dims);
		shape.checkMemory(headerFile);
		if (NiftiFiles.isGzip(dataFile)) {
			shape.checkAvailable(dataFile, Files.size(dataFile), true);
		}
		try {
			skipFully(in, header.voxOffset - position);
		} catch (EOFException e) {
			throw new InvalidInputException(dataFile, "the file ends before vox_offset " +
				header.voxOffset, e);
		}
		RasterReader reader = new RasterReader(dataFile, shape, header.byteOrder, scaling.slope,
			scaling.inter, reorientation);
		float[][] slices = reader.read(in, options.progress());
		ImagePlus image = RasterReader.image(NiftiFiles.title(headerFile), slices, reorientation
			.newSize(), dims.frames);

		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", header.formatName());
		metadata.put("Source", headerFile.toAbsolutePath().normalize().toString());
		metadata.put("Datatype", type.toString());
		if (!header.description.isEmpty()) metadata.put("Description", header.description);
		metadata.put("QformCode", Integer.toString(header.qformCode));
		metadata.put("SformCode", Integer.toString(header.sformCode));
		metadata.put("Transform", NiftiOrientation.method(header));
		metadata.put("Reoriented", reorientation.describe());
		metadata.put("ByteOrder", header.byteOrder == ByteOrder.BIG_ENDIAN ? "big-endian"
			: "little-endian");
		double interval = frameIntervalSeconds(header, dims, warnings);
		if (interval > 0) {
			metadata.put("FrameIntervalSeconds", NiftiScaling.number(interval));
			Calibration cal = image.getCalibration();
			cal.frameInterval = interval;
			cal.setTimeUnit("s");
		}
		PatientGeometry geometry = reorientation.geometry(lps);
		return new CtVolume(image, geometry, scaling.conversion, metadata, warnings);
	}

	private static NiftiDataType dataType(Path file, NiftiHeader header, List<String> warnings)
		throws InvalidInputException
	{
		NiftiDataType type = NiftiDataType.fromCode(header.datatype);
		if (type == null) {
			throw new InvalidInputException(file, "unsupported NIfTI datatype " + header.datatype +
				" (" + NiftiDataType.unsupportedName(header.datatype) + "); supported are uint8," +
				" int8, int16, uint16, int32, uint32, float32 and float64");
		}
		if (header.bitpix != 8 * type.bytesPerVoxel()) {
			warnings.add("The NIfTI header gives bitpix " + header.bitpix + " for datatype " +
				type + "; the datatype is used");
		}
		return type;
	}

	/**
	 * Returns the time step pixdim[4] in seconds, or 0 when there is one time
	 * point, no positive step, or a unit that is not a time.
	 */
	private static double frameIntervalSeconds(NiftiHeader header, NiftiDimensions dims,
		List<String> warnings)
	{
		if (dims.frameInterval == 0) return 0;
		switch (header.timeUnit()) {
			case 8:
				return dims.frameInterval;
			case 16:
				return dims.frameInterval * 1e-3;
			case 24:
				return dims.frameInterval * 1e-6;
			case 0:
				warnings.add("The NIfTI header declares no time unit; the frame interval " + dims
					.frameInterval + " is taken as seconds");
				return dims.frameInterval;
			default:
				warnings.add("The fourth NIfTI dimension has unit code " + header.timeUnit() +
					" (Hz, ppm or rad/s), not a time; no frame interval is recorded");
				return 0;
		}
	}

	private static void checkDataOffset(Path file, NiftiHeader header, long position)
		throws InvalidInputException
	{
		// A single file has the header and the 4-byte extension flag before the data.
		long minimum = header.paired ? 0 : header.size() + 4;
		if (header.voxOffset < minimum) {
			throw new InvalidInputException(file, "vox_offset " + header.voxOffset +
				" lies inside the header; it must be at least " + minimum);
		}
		if (position > header.voxOffset) {
			throw new IllegalStateException("Read past vox_offset in " + file);
		}
	}

	/** Checks an uncompressed file's length; a gzip stream is checked while it is read. */
	private static void checkDataLength(Path file, NiftiHeader header, NiftiDimensions dims)
		throws IOException
	{
		if (NiftiFiles.isGzip(file)) return;
		long needed = header.voxOffset + dims.dataBytes;
		long length = Files.size(file);
		if (length < needed) {
			throw new InvalidInputException(file, "the header describes " + dims.dataBytes +
				" bytes of voxel data (" + dims.describe() + ") from offset " + header.voxOffset +
				", which ends at byte " + needed + ", but the file has only " + length + " bytes");
		}
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		if (NiftiFiles.isGzip(file)) return new GZIPInputStream(in, 1 << 16);
		return in;
	}

	private static void skipFully(InputStream in, long count) throws IOException {
		byte[] buffer = new byte[8192];
		long left = count;
		while (left > 0) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (n < 0) throw new EOFException();
			left -= n;
		}
	}
}
