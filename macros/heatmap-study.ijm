// Opens a CT study and draws its HU as a heat map over the grey CT, then
// saves the flattened RGB stack, the middle slice as PNG and the colour bar.
//
// Usage (plain ImageJ with the ij1 jar, or Fiji):
//   ImageJ -batch heatmap-study.ijm "input=/path/to/dicom-folder output=/path/to/out"
// input: a DICOM folder or file, a .nii/.nii.gz file or a TIFF stack.

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
input = option(arguments, "input", "");
output = option(arguments, "output", "");
if (input == "" || output == "")
	exit("Usage: heatmap-study.ijm \"input=CT output=FOLDER\"");
setBatchMode(true);
File.makeDirectory(output);

run("Open CT Study", "input=[" + input + "]");
ct = getTitle();
print("Opened " + ct + ": " + getWidth() + " x " + getHeight() + " x " + nSlices + " slices");

run("Heat Map Overlay", "image=[" + ct + "] window=[Soft tissue] colormap=inferno"
	+ " minhu=0 maxhu=100 thresholdhu=20 opacity=0.6 smoothingradiusmm=0"
	+ " createflattened createcolourbar");

selectImage(ct + " heat map (RGB)");
saveAs("Tiff", output + "/heatmap-rgb.tif");
setSlice(round(nSlices / 2));
run("Duplicate...", "title=middle");
saveAs("PNG", output + "/heatmap-middle.png");

selectImage(ct + " colour bar");
saveAs("PNG", output + "/colour-bar.png");
print("Saved heat map to " + output);
