package org.ctheatmap.io.dicom;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/** Builds small CT volumes and DICOM files, and damages files, for the DICOM tests. */
final class DicomTestFiles {

	static final String PATIENT_NAME = "PHANTOM^TEST";
	static final String PATIENT_ID = "PID-20260117";
	static final String BIRTH_DATE = "19450317";

	private DicomTestFiles() {}

	/**
	 * Returns a volume whose voxel (x, y, z) contains a distinct multiple of 16
	 * HU between -1024 and 1024, so every test encoding stores it exactly.
	 */
	static CtVolume volume(int width, int height, int depth, PatientGeometry geometry) {
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < depth; z++) {
			float[] pixels = new float[width * height];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = -1024 + 16 * ((i * 7 + z * 13) % 129);
			}
			stack.addSlice("z" + z, new FloatProcessor(width, height, pixels));
		}
		return new CtVolume(new ImagePlus("test", stack), geometry, "HU", Collections.emptyMap(),
			Collections.emptyList());
	}

	/** Returns an axial geometry with the given spacing and an off-centre origin. */
	static PatientGeometry axial(double x, double y, double z) {
		return PatientGeometry.axial(new double[] { -120.5, 33.25, 700 }, new double[] { x, y, z });
	}

	/**
	 * Writes one single-slice file per position, all in one series, named
	 * "S1.dcm", "S2.dcm", ... in the order given.
	 */
	static List<Path> writeSlices(Path folder, String seriesUid, List<double[]> positions)
		throws IOException
	{
		Files.createDirectories(folder);
		Path[] files = new Path[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			PatientGeometry geometry = PatientGeometry.axial(positions.get(i), new double[] { 0.5,
				0.5, 1 });
			Path temporary = Files.createTempDirectory(folder, ".slice");
			Path written = DicomSeriesWriter.write(volume(4, 3, 1, geometry), temporary,
				DicomWriteOptions.builder().uids("1.2.3", seriesUid, "1.2.3.4").build()).get(0);
			files[i] = Files.move(written, folder.resolve("S" + (i + 1) + ".dcm"));
			Files.delete(temporary);
		}
		return Arrays.asList(files);
	}

	/** Returns z positions as (0, 0, z) vectors. */
	static List<double[]> zPositions(double... z) {
		double[][] positions = new double[z.length][];
		for (int i = 0; i < z.length; i++) {
			positions[i] = new double[] { 0, 0, z[i] };
		}
		return Arrays.asList(positions);
	}

	/**
	 * Rewrites a Part 10 file with another Transfer Syntax UID in its File Meta
	 * Information; the data set bytes stay as they are.
	 */
	static void setTransferSyntaxUid(Path file, String uid) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		int metaLength = ByteBuffer.wrap(bytes, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		int bodyStart = 144 + metaLength;
		byte[] meta = new DicomDataSet().binary(0x00020001, "OB", new byte[] { 0, 1 }).text(
			DicomTag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", DicomSeriesWriter.CT_IMAGE_STORAGE).text(
				DicomTag.TRANSFER_SYNTAX_UID, "UI", uid).encode(
					DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		ByteBuffer out = ByteBuffer.allocate(144 + meta.length + bytes.length - bodyStart).order(
			ByteOrder.LITTLE_ENDIAN);
		out.put(bytes, 0, 140).putInt(meta.length).put(meta).put(bytes, bodyStart, bytes.length -
			bodyStart);
		Files.write(file, out.array());
	}

	/** Removes the preamble and File Meta Information, as old scanners wrote files. */
	static void stripPreambleAndMeta(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		int metaLength = ByteBuffer.wrap(bytes, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		Files.write(file, Arrays.copyOfRange(bytes, 144 + metaLength, bytes.length));
	}

	/** Cuts a file to its first {@code length} bytes. */
	static void truncate(Path file, int length) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, length));
	}

	/**
	 * Returns a minimal single-frame image data set: 2 x 3 pixels, 16 bits,
	 * MONOCHROME2, in series "1.2.3.9", with the given 16-bit words.
	 */
	static DicomDataSet minimalImage(int bitsStored, boolean signed, short... words) {
		DicomDataSet data = new DicomDataSet();
		data.text(DicomTag.SOP_CLASS_UID, "UI", DicomSeriesWriter.CT_IMAGE_STORAGE);
		data.text(DicomTag.MODALITY, "CS", "CT");
		data.text(DicomTag.SERIES_INSTANCE_UID, "UI", "1.2.3.9");
		data.unsignedShort(DicomTag.SAMPLES_PER_PIXEL, 1);
		data.text(DicomTag.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
		data.unsignedShort(DicomTag.ROWS, 2);
		data.unsignedShort(DicomTag.COLUMNS, 3);
		data.unsignedShort(DicomTag.BITS_ALLOCATED, 16);
		data.unsignedShort(DicomTag.BITS_STORED, bitsStored);
		data.unsignedShort(DicomTag.HIGH_BIT, bitsStored - 1);
		data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, signed ? 1 : 0);
		data.text(DicomTag.RESCALE_SLOPE, "DS", "1");
		data.text(DicomTag.RESCALE_INTERCEPT, "DS", "0");
		data.binary(DicomTag.PIXEL_DATA, "OW", words);
		return data;
	}

	/** Writes a data set as a Part 10 file in the given syntax. */
	static Path write(Path file, DicomDataSet data, DicomTransferSyntax syntax)
		throws IOException
	{
		DicomSeriesWriter.writeFile(file, data, DicomSeriesWriter.CT_IMAGE_STORAGE, "1.2.3.10",
			syntax);
		return file;
	}
}
