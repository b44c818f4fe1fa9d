package org.ctheatmap.io.badinput;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;

/**
 * Generates damaged and hostile CT inputs in every format, each in its own
 * folder, with the problem its error message must name. Every file is a few
 * kB except the decompression bombs, whose compressed streams are about
 * 64 kB.
 */
final class BadInputCorpus {

	/** Zeros appended inside the compressed stream of a decompression bomb. */
	static final int BOMB_ZEROS = 64 << 20;

	/** One input and the outcome it must have. */
	static final class Case {

		final String name;
		final Path folder;
		final Path input;
		/**
		 * Texts separated by "|", of which the message must contain one. Null
		 * when reading must succeed with the seed grid, and "warning:" and a
		 * text when reading must succeed with a warning that contains the text.
		 */
		final String problem;

		Case(String name, Path folder, Path input, String problem) {
			this.name = name;
			this.folder = folder;
			this.input = input;
			this.problem = problem;
		}
	}

	private final Path root;
	private final List<Case> cases = new ArrayList<>();

	private BadInputCorpus(Path root) {
		this.root = root;
	}

	/** Writes every case below {@code root} and returns them. */
	static List<Case> write(Path root) throws IOException {
		BadInputCorpus corpus = new BadInputCorpus(root);
		corpus.nifti();
		corpus.nrrd();
		corpus.metaImage();
		corpus.dicom();
		corpus.folders();
		corpus.tiff();
		return corpus.cases;
	}

	private void nifti() throws IOException {
		byte[] seed = Files.readAllBytes(SeedFiles.nifti(Files.createTempFile(root, "seed",
			".nii")));
		add("nifti-truncated", "ct.nii", Arrays.copyOf(seed, seed.length - 20), "has only");
		byte[] gz = SeedFiles.gzip(seed);
		add("nifti-gzip-cut", "ct.nii.gz", Arrays.copyOf(gz, gz.length - 30), "truncated");
		add("nifti-dims-beyond-file", "ct.nii", niftiShort(seed, 46, 30), "bytes of voxel data");
		byte[] huge = niftiShort(niftiShort(niftiShort(seed, 42, 32767), 44, 32767), 46, 32767);
		add("nifti-absurd-dims", "ct.nii.gz", SeedFiles.gzip(huge),
			"increase -Xmx|compressed data can hold");
		byte[] large = niftiShort(niftiShort(niftiShort(seed, 42, 2000), 44, 2000), 46, 100);
		add("nifti-gzip-claims-large", "ct.nii.gz", SeedFiles.gzip(large),
			"compressed data can hold|increase -Xmx");
		add("nifti-zero-spacing", "ct.nii", niftiFloat(seed, 80, 0), "pixdim[1] is 0.0");
		add("nifti-negative-spacing", "ct.nii", niftiFloat(seed, 84, -0.5f), "pixdim[2] is -0.5");
		add("nifti-nan-spacing", "ct.nii", niftiFloat(seed, 88, Float.NaN), "pixdim[3] is NaN");
		add("nifti-infinite-intercept", "ct.nii", niftiFloat(seed, 116, Float.POSITIVE_INFINITY),
			"scl_inter is Infinity");
		add("nifti-unknown-datatype", "ct.nii", niftiShort(seed, 70, 99), "datatype 99");
		add("nifti-bomb-stops-at-size", "ct.nii.gz", bomb(seed, false), null);
	}

	private void nrrd() throws IOException {
		byte[] seed = Files.readAllBytes(SeedFiles.nrrd(Files.createTempFile(root, "seed",
			".nrrd"), false));
		String header = SeedFiles.nrrdHeader("raw");
		byte[] data = Arrays.copyOfRange(seed, header.length(), seed.length);
		add("nrrd-truncated", "ct.nrrd", Arrays.copyOf(seed, seed.length - 10), "bytes there");

		byte[] gz = SeedFiles.gzip(data);
		add("nrrd-gzip-cut", "ct.nrrd", join(SeedFiles.nrrdHeader("gzip"), Arrays.copyOf(gz,
			gz.length - 12)), "truncated gzip data");
		add("nrrd-dims-beyond-file", "ct.nrrd", join(header.replace("sizes: 6 5 3",
			"sizes: 6 5 30"), data), "bytes there");
		add("nrrd-absurd-dims", "ct.nrrd", join(header.replace("sizes: 6 5 3",
			"sizes: 100000 100000 100000"), data), "does not fit an ImageJ stack");
		add("nrrd-beyond-memory", "ct.nrrd", join(header.replace("sizes: 6 5 3",
			"sizes: 30000 30000 30"), data), "increase -Xmx|bytes there");
		add("nrrd-zero-spacing", "ct.nrrd", join(header.replace("(0.5,0,0)", "(0,0,0)"), data),
			"space direction of axis 0 is zero");

		String noSpace = header.replaceAll("space[^\n]*\n", "");
		add("nrrd-negative-spacing", "ct.nrrd", join(noSpace.replace("kinds",
			"spacings: -1 0.5 2\nkinds"), data), "spacing -1.0");
		add("nrrd-nan-direction", "ct.nrrd", join(header.replace("(0.5,0,0)", "(nan,0,0)"), data),
			"NaN");
		add("nrrd-infinite-origin", "ct.nrrd", join(header.replace("(-20,10,300)",
			"(-20,inf,300)"), data), "Infinity");
		add("nrrd-unknown-type", "ct.nrrd", join(header.replace("type: short", "type: block"),
			data), "unsupported NRRD type 'block'");
		add("nrrd-bzip2", "ct.nrrd", join(header.replace("encoding: raw", "encoding: bzip2"),
			data), "unsupported NRRD encoding 'bzip2'");
		add("nrrd-no-blank-line", "ct.nrrd", header.trim().getBytes(StandardCharsets.US_ASCII),
			"neither attached data");
		add("nrrd-missing-data-file", "ct.nhdr", (header.trim() + "\ndata file: absent.raw\n")
			.getBytes(StandardCharsets.US_ASCII), "data file not found");
		add("nrrd-bomb-stops-at-size", "ct.nrrd", join(SeedFiles.nrrdHeader("gzip"), bomb(
			data, false)), null);
	}

	private void metaImage() throws IOException {
		String header = SeedFiles.metaImageHeader(false);
		byte[] data = SeedFiles.shorts(ByteOrder.LITTLE_ENDIAN);
		add("mha-truncated", "ct.mha", join(header, Arrays.copyOf(data, data.length - 7)),
			"bytes there");
		byte[] z = SeedFiles.zlib(data);
		add("mha-zlib-cut", "ct.mha", join(SeedFiles.metaImageHeader(true), Arrays.copyOf(z,
			z.length - 9)), "truncated zlib data");
		add("mha-absurd-dims", "ct.mha", join(header.replace("DimSize = 6 5 3",
			"DimSize = 100000 100000 100000"), data), "does not fit an ImageJ stack");
		add("mha-zero-spacing", "ct.mha", join(header.replace("ElementSpacing = 0.5",
			"ElementSpacing = 0"), data), "ElementSpacing 0.0");
		add("mha-negative-spacing", "ct.mha", join(header.replace("0.5 0.5 2", "0.5 -0.5 2"),
			data), "ElementSpacing -0.5");
		add("mha-nan-slope", "ct.mha", join(header.replace("ElementType",
			"ElementToIntensityFunctionSlope = nan\nElementType"), data), "intensity scaling");
		add("mha-64-bit-type", "ct.mha", join(header.replace("MET_SHORT", "MET_LONG_LONG"), data),
			"64-bit");
		add("mha-unknown-type", "ct.mha", join(header.replace("MET_SHORT", "MET_STRING"), data),
			"unsupported MetaImage ElementType");
		add("mha-no-data-file-line", "ct.mha", join(header.replace("ElementDataFile = LOCAL\n",
			""), new byte[0]), "no ElementDataFile");
		add("mha-bomb-stops-at-size", "ct.mha", join(SeedFiles.metaImageHeader(true), bomb(
			data, true)), null);
	}

	private void dicom() throws IOException {
		Path seedFolder = Files.createTempDirectory(root, "dicom-seed");
		byte[] slice = Files.readAllBytes(SeedFiles.dicom(seedFolder).get(0));
		add("dicom-truncated", "IM1.dcm", Arrays.copyOf(slice, slice.length - 25), "truncated");
		add("dicom-absurd-size", "IM1.dcm", DicomBytes.replace(DicomBytes.replace(slice,
			0x00280010, DicomBytes.us(65535)), 0x00280011, DicomBytes.us(65535)), "65535 x 65535");
		add("dicom-nan-rescale-slope", "IM1.dcm", DicomBytes.replace(slice, 0x00281053,
			DicomBytes.text("NaN")), "RescaleSlope|Rescale Slope");
		add("dicom-infinite-rescale-intercept", "IM1.dcm", DicomBytes.replace(slice, 0x00281052,
			DicomBytes.text("1e999")), "RescaleIntercept|Rescale Intercept");
		add("dicom-zero-pixel-spacing", "IM1.dcm", DicomBytes.replace(slice, 0x00280030,
			DicomBytes.text("0\\0.5")), "invalid Pixel Spacing");

		long u = DicomBytes.UNDEFINED;
		byte[] element = DicomBytes.usElement(0x00281050, 40);
		byte[] unterminated = DicomBytes.concat(DicomBytes.sequence(DicomBytes.SEQUENCE_TAG, u),
			DicomBytes.delimiter(DicomBytes.ITEM, u), element);
		int pixelData = DicomBytes.find(slice, 0x7FE00010);
		add("dicom-unterminated-sequence", "IM1.dcm", DicomBytes.concat(Arrays.copyOf(slice,
			pixelData), unterminated), "truncated|corrupt");
		add("dicom-sequence-end-inside-item", "IM1.dcm", DicomBytes.insertBeforePixelData(slice,
			DicomBytes.concat(DicomBytes.sequence(DicomBytes.SEQUENCE_TAG, u), DicomBytes
				.delimiter(DicomBytes.ITEM, u), element, DicomBytes.delimiter(
					DicomBytes.SEQUENCE_END, 0))), "corrupt");
		add("dicom-item-beyond-file", "IM1.dcm", DicomBytes.insertBeforePixelData(slice,
			DicomBytes.concat(DicomBytes.sequence(DicomBytes.SEQUENCE_TAG, 100), DicomBytes
				.delimiter(DicomBytes.ITEM, 0x7FFFFFF0L))), "truncated|corrupt");
		add("dicom-stray-item-end", "IM1.dcm", DicomBytes.insertBeforePixelData(slice, DicomBytes
			.delimiter(DicomBytes.ITEM_END, 0)), "corrupt");
		ByteArrayOutputStream deep = new ByteArrayOutputStream();
		for (int level = 0; level < 5000; level++) {
			deep.write(DicomBytes.sequence(DicomBytes.SEQUENCE_TAG, u));
			deep.write(DicomBytes.delimiter(DicomBytes.ITEM, u));
		}
		add("dicom-deep-nesting", "IM1.dcm", DicomBytes.insertBeforePixelData(slice, deep
			.toByteArray()), "nested deeper|corrupt");
		mixedSizes();
	}

	/** Two slices of 6 x 5 and one of 4 x 4 pixels in one series. */
	private void mixedSizes() throws IOException {
		Path folder = Files.createDirectories(root.resolve("dicom-mixed-sizes"));
		double[] z = { 300, 302, 304 };
		for (int n = 0; n < z.length; n++) {
			CtVolume seed = SeedFiles.volume();
			int size = n == 2 ? 4 : 0;
			CtVolume one = size == 0 ? slice(seed, 0) : small(size);
			PatientGeometry g = PatientGeometry.axial(new double[] { -20, 10, z[n] }, new double[] {
				0.5, 0.5, 2 });
			CtVolume placed = new CtVolume(one.image(), g, "HU", one.metadata(), one.warnings());
			Path temporary = Files.createTempDirectory(root, "slice");
			Path written = DicomSeriesWriter.write(placed, temporary, DicomWriteOptions.builder()
				.uids("1.2.3", "1.2.3.7", "1.2.3.8").build()).get(0);
			Files.move(written, folder.resolve("S" + n + ".dcm"));
		}
		cases.add(new Case("dicom-mixed-sizes", folder, folder, "differ in size"));
	}

	private void folders() throws IOException {
		Path empty = Files.createDirectories(root.resolve("folder-empty"));
		cases.add(new Case("folder-empty", empty, empty, "no DICOM files"));
		Path text = Files.createDirectories(root.resolve("folder-without-images"));
		Files.write(text.resolve("notes.txt"), "no images here".getBytes(StandardCharsets.UTF_8));
		Files.write(text.resolve("table.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
		cases.add(new Case("folder-without-images", text, text, "no DICOM files"));
	}

	private void tiff() throws IOException {
		add("tiff-text-file", "ct.tif", "not a TIFF at all".getBytes(StandardCharsets.US_ASCII),
			"not a TIFF");
		Path seed = Files.createTempFile(root, "seed", ".tif");
		IJ.saveAsTiff(SeedFiles.volume().image(), seed.toString());
		byte[] bytes = Files.readAllBytes(seed);
		add("tiff-truncated", "ct.tif", Arrays.copyOf(bytes, bytes.length / 2), "truncated");
	}

	private void add(String name, String fileName, byte[] bytes, String problem)
		throws IOException
	{
		Path folder = Files.createDirectories(root.resolve(name));
		Path file = Files.write(folder.resolve(fileName), bytes);
		cases.add(new Case(name, folder, file, problem));
	}

	/**
	 * Returns a gzip file of the bytes followed by {@link #BOMB_ZEROS} zeros,
	 * cut in the middle of the zeros: a reader that inflates past the declared
	 * data fails on the cut, one that stops there succeeds.
	 */
	private static byte[] bomb(byte[] bytes, boolean zlib) throws IOException {
		byte[] all = Arrays.copyOf(bytes, bytes.length + BOMB_ZEROS);
		byte[] packed = zlib ? SeedFiles.zlib(all) : SeedFiles.gzip(all);
		return Arrays.copyOf(packed, packed.length / 2);
	}

	private static byte[] join(String header, byte[] data) {
		return DicomBytes.concat(header.getBytes(StandardCharsets.US_ASCII), data);
	}

	private static byte[] niftiShort(byte[] file, int offset, int value) {
		byte[] copy = file.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
		return copy;
	}

	private static byte[] niftiFloat(byte[] file, int offset, float value) {
		byte[] copy = file.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putFloat(offset, value);
		return copy;
	}

	private static CtVolume slice(CtVolume volume, int index) {
		ImageStack stack = new ImageStack(volume.width(), volume.height());
		stack.addSlice(null, volume.image().getStack().getProcessor(index + 1).duplicate());
		return new CtVolume(new ImagePlus("slice", stack), volume.geometry(), "HU", volume
			.metadata(), volume.warnings());
	}

	private static CtVolume small(int size) {
		ImageStack stack = new ImageStack(size, size);
		stack.addSlice(null, new FloatProcessor(size, size));
		return new CtVolume(new ImagePlus("small", stack), PatientGeometry.axial(new double[3],
			new double[] { 0.5, 0.5, 2 }), "HU", Collections.emptyMap(), Collections.emptyList());
	}
}
