// Measures the regions of a saved ROI set on a CT study, in HU and mm³, and
// writes the table as CSV. Works headless: the ROIs come from the .zip, not
// from the ROI Manager window.
//
// Usage:
//   ImageJ -batch measure-rois.ijm "input=/path/to/ct rois=/path/to/RoiSet.zip output=/path/to/out"
// ROIs with the same name form one 3-D region; each ROI is measured on its
// own slice.

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
input = option(arguments, "input", "");
rois = option(arguments, "rois", "");
output = option(arguments, "output", "");
if (input == "" || rois == "" || output == "")
	exit("Usage: measure-rois.ijm \"input=CT rois=ROISET.zip output=FOLDER\"");
setBatchMode(true);
File.makeDirectory(output);

run("Open CT Study", "input=[" + input + "]");
ct = getTitle();
run("Measure ROIs", "image=[" + ct + "] roifile=[" + rois + "] thresholdhu=0"
	+ " csvfile=[" + output + "/regions.csv]");
for (i = 0; i < nResults; i++) {
	print(getResultString("Region", i) + ": " + getResult("Voxels", i) + " voxels, mean "
		+ d2s(getResult("Mean (HU)", i), 3) + " HU");
}
print("Measured " + nResults + " regions");
