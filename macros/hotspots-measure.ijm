// Finds hotspots (connected regions above a threshold) in a CT or map,
// then measures them, together with a saved ROI set, in HU and mm³.
//
// Usage:
//   ImageJ -batch hotspots-measure.ijm "input=/path/to/ct output=/path/to/out [rois=/path/to/RoiSet.zip]"
// Writes: hotspots.csv (one row per hotspot: volume, peak, centroid) and
// regions.csv (statistics of the ROIs, when a ROI set is given).

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
input = option(arguments, "input", "");
output = option(arguments, "output", "");
rois = option(arguments, "rois", "");
if (input == "" || output == "")
	exit("Usage: hotspots-measure.ijm \"input=CT output=FOLDER [rois=ROISET.zip]\"");
setBatchMode(true);
File.makeDirectory(output);

run("Open CT Study", "input=[" + input + "]");
ct = getTitle();

// Soft-tissue hotspots: voxels above 80 HU in regions of at least 50 mm³.
run("Find Hotspots", "image=[" + ct + "] threshold=80 connectivity=26 minvolumemm3=50 addrois");
saveAs("Results", output + "/hotspots.csv");
print("Found " + nResults + " hotspots");

if (rois != "") {
	run("Measure ROIs", "image=[" + ct + "] roifile=[" + rois + "] thresholdhu=80"
		+ " csvfile=[" + output + "/regions.csv]");
	print("Measured " + nResults + " regions");
}
