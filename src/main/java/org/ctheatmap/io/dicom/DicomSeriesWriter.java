package org.ctheatmap.io.dicom;

import java.io.ByteArrayOutputStream;
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
import java.util.zip.Deflater;

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

	/** SOP Class UID of Enhanced CT Image Storage. */
	static final String ENHANCED_CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2.1";

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
	 * Writes a 3-D volume as one Enhanced CT Image Storage file with one frame
	 * per slice; the volume is not modified. Image Position and Orientation
	 * (Patient), Pixel Spacing and the rescale are written only in the Shared
	 * and Per-frame Functional Groups, as Enhanced CT requires. Frames follow
	 * the slice order, or the reverse order when the options' Instance Number
	 * order is {@link DicomWriteOptions.InstanceOrder#REVERSED}; file naming
	 * options do not apply.
	 *
	 * @param file target file; its folder is created if missing
	 * @throws IllegalArgumentException as {@link #write}
	 * @throws IOException if the file cannot be written
	 */
	public static void writeMultiFrame(CtVolume volume, Path file, DicomWriteOptions options)
		throws IOException
	{
		if (volume.frames() > 1) {
			throw new IllegalArgumentException("Cannot write a volume with " + volume.frames() +
				" time points as one multi-frame image; write each time point separately");
		}
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null) Files.createDirectories(folder);
		String series = orNew(options.seriesInstanceUid());
		String instance = options.seriesInstanceUid() == null ? DicomUids.generate() : DicomUids
			.child(series, 1);
		DicomDataSet data = new SliceEncoder(volume, options).multiFrame(orNew(options
			.studyInstanceUid()), series, orNew(options.frameOfReferenceUid()), instance);
		writeFile(file, data, ENHANCED_CT_IMAGE_STORAGE, instance, options.transferSyntax());
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
		if (syntax.compression() == DicomTransferSyntax.Compression.DEFLATE) {
			body = deflate(body);
		}
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

	/** Compresses a data set as a raw deflate stream (RFC 1951, no zlib header). */
	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			deflater.setInput(data);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] chunk = new byte[64 * 1024];
			while (!deflater.finished()) {
				int n = deflater.deflate(chunk);
				out.write(chunk, 0, n);
			}
			return out.toByteArray();
		} finally {
			deflater.end();
		}
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
}
