package org.ctheatmap.io.nifti;

import ij.ImageStack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.ctheatmap.core.CtVolume;

/**
 * Writes CT volumes as single-file NIfTI-1 images that 3D Slicer, ITK-SNAP,
 * nibabel and {@link NiftiReader} place on the same patient grid.
 * <p>
 * The voxel order is the volume's: NIfTI i, j, k, t are the image's x, y,
 * slice and frame, with no reorientation. The sform and the qform (both code
 * 1, scanner anatomical) carry the volume's {@link
 * org.ctheatmap.core.PatientGeometry} converted from LPS to RAS; see
 * {@link NiftiHeaderEncoder#qform} for the qform of a tilted stack. Units are
 * mm and seconds; pixdim[4] of a 4-D file is the calibration's frame interval.
 * Values are HU with scl_slope 1 and scl_inter 0, little-endian.
 */
public final class NiftiWriter {

	private NiftiWriter() {}

	/**
	 * Writes a volume to a .nii or .nii.gz file (gzip when the name ends in
	 * .gz). The data go to a hidden file ".NAME.*.part" in the same folder,
	 * which is renamed to the target when complete. So a failure never leaves a
	 * partial file under the target name, and an existing target is replaced.
	 * The temporary file is deleted on any exception, but a killed JVM can
	 * leave it behind. The volume is not modified.
	 *
	 * @param type {@link NiftiDataType#FLOAT32} for any HU, or
	 *          {@link NiftiDataType#INT16} when every HU is a whole number in
	 *          -32768 to 32767
	 * @throws IllegalArgumentException if the type is neither, INT16 cannot
	 *           hold a voxel (the message names the first one), the name does
	 *           not end in .nii or .nii.gz, a dimension exceeds 32767, or the
	 *           target is the file named by the volume's "Source" metadata
	 * @throws IOException if writing or renaming fails; the target is then
	 *           unchanged
	 */
	public static void write(CtVolume volume, Path file, NiftiDataType type) throws IOException {
		if (type != NiftiDataType.FLOAT32 && type != NiftiDataType.INT16) {
			throw new IllegalArgumentException("NIfTI output supports float32 and int16, not " +
				type);
		}
		boolean gzip = isGzipName(file);
		rejectSource(volume, file);
		if (type == NiftiDataType.INT16) checkInt16(volume);
		byte[] header = NiftiHeaderEncoder.encode(volume, type);

		Path target = file.toAbsolutePath();
		// A plain new file, unlike Files.createTempFile, gets the default permissions.
		Path temp = Files.createFile(target.getParent().resolve("." + target.getFileName() + "." +
			UUID.randomUUID() + ".part"));
		try {
			try (OutputStream out = open(temp, gzip)) {
				out.write(header);
				writeVoxels(volume.image().getStack(), type, out);
			}
			move(temp, target);
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	private static boolean isGzipName(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".nii.gz")) return true;
		if (name.endsWith(".nii")) return false;
		throw new IllegalArgumentException("A NIfTI file name must end in .nii or .nii.gz: " +
			file);
	}

	/** Rejects writing over the file the volume was read from, which may still be in use. */
	private static void rejectSource(CtVolume volume, Path file) throws IOException {
		String source = volume.metadata().get("Source");
		if (source == null) return;
		Path sourcePath = Paths.get(source).toAbsolutePath().normalize();
		Path target = file.toAbsolutePath().normalize();
		boolean same = sourcePath.equals(target) || Files.exists(target) && Files.exists(
			sourcePath) && Files.isSameFile(sourcePath, target);
		if (same) {
			throw new IllegalArgumentException("Cannot overwrite " + file +
				", the file this volume was read from; choose another name");
		}
	}

	private static void checkInt16(CtVolume volume) {
		ImageStack stack = volume.image().getStack();
		int width = volume.width();
		for (int n = 1; n <= stack.getSize(); n++) {
			float[] pixels = (float[]) stack.getPixels(n);
			for (int p = 0; p < pixels.length; p++) {
				float v = pixels[p];
				if (v != Math.rint(v) || v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
					int slice = (n - 1) % volume.depth();
					int frame = (n - 1) / volume.depth();
					String voxel = "(x " + p % width + ", y " + p / width + ", slice " + slice +
						", frame " + frame + ")";
					throw new IllegalArgumentException("int16 stores only whole HU from -32768 to" +
						" 32767, but voxel " + voxel + " of '" + volume.image().getTitle() + "' is " +
						v + "; write float32 instead");
				}
			}
		}
	}

	/** Writes the slices in stack order, which is NIfTI order: k fastest, then t. */
	private static void writeVoxels(ImageStack stack, NiftiDataType type, OutputStream out)
		throws IOException
	{
		int count = stack.getWidth() * stack.getHeight();
		ByteBuffer bytes = ByteBuffer.allocate(count * type.bytesPerVoxel()).order(
			ByteOrder.LITTLE_ENDIAN);
		for (int n = 1; n <= stack.getSize(); n++) {
			float[] pixels = (float[]) stack.getPixels(n);
			bytes.clear();
			if (type == NiftiDataType.FLOAT32) {
				bytes.asFloatBuffer().put(pixels);
			} else {
				for (int p = 0; p < count; p++) {
					bytes.putShort(2 * p, (short) pixels[p]);
				}
			}
			out.write(bytes.array());
		}
	}

	private static OutputStream open(Path file, boolean gzip) throws IOException {
		OutputStream out = Files.newOutputStream(file);
		if (gzip) return new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16);
		return new BufferedOutputStream(out, 1 << 16);
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
