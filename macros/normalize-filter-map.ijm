// Normalizes a CT inside the body, smooths it, computes a local SD map and
// draws that map over the grey CT with a colour bar burnt into the figure.
//
// Usage:
//   ImageJ -batch normalize-filter-map.ijm "input=/path/to/ct output=/path/to/out"
// Writes: zscore.tif (z-scores inside the body, NaN outside),
// normalization.csv (the statistics used), local-sd.tif (HU) and
// local-sd-rgb.tif (the heat map with its colour bar).

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
input = option(arguments, "input", "");
output = option(arguments, "output", "");
if (input == "" || output == "")
	exit("Usage: normalize-filter-map.ijm \"input=CT output=FOLDER\"");
setBatchMode(true);
File.makeDirectory(output);

run("Open CT Study", "input=[" + input + "]");
ct = getTitle();

// z-scores over the automatic body mask; the statistics go to a table.
run("Normalize CT", "image=[" + ct + "] method=Z-score scope=[Whole stack]"
	+ " masksource=[Body mask] outside=NaN");
saveAs("Tiff", output + "/zscore.tif");
saveAs("Results", output + "/normalization.csv");

// Gaussian smoothing with sigma in mm, then the local SD over a 3 mm radius.
run("Filter CT", "image=[" + ct + "] filter=Gaussian dimensions=3D sizemm=1.0");
smoothed = getTitle();
run("Parameter Map", "image=[" + smoothed + "] map=[Local SD] radiusmm=3 mask=Body");
saveAs("Tiff", output + "/local-sd.tif");
sd = getTitle();

run("Heat Map Overlay", "image=[" + ct + "] valuemap=[" + sd + "] valueunit=HU"
	+ " colormap=viridis minhu=0 maxhu=40 thresholdhu=5 opacity=0.6"
	+ " createflattened burncolourbar");
saveAs("Tiff", output + "/local-sd-rgb.tif");
print("Saved normalized, filtered and mapped images to " + output);
