// Compares a baseline CT with a follow-up: aligns the follow-up onto the
// baseline grid, maps the change in HU and %, and measures a ROI set at both
// time points. Everything goes into a report folder.
//
// Usage:
//   ImageJ -batch compare-time-points.ijm "baseline=/path/a followup=/path/b output=/path/report [rois=/path/RoiSet.zip]"
// Paths with spaces go in square brackets. The report folder must not exist
// yet; it holds change maps (PNG and NIfTI), summary.csv, changes.csv with
// the ROI changes, trend plots and comparison.json.

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
baseline = option(arguments, "baseline", "");
followup = option(arguments, "followup", "");
output = option(arguments, "output", "");
rois = option(arguments, "rois", "");
if (baseline == "" || followup == "" || output == "")
	exit("Usage: compare-time-points.ijm \"baseline=CT followup=CT output=FOLDER [rois=ROISET.zip]\"");
setBatchMode(true);

options = "baselinefile=[" + baseline + "] followupfiles=[" + followup + "]"
	+ " alignment=Automatic smoothingsigmamm=0 bodyonly colormap=coolwarm"
	+ " rangehu=0 rangepercent=0 reportfolder=[" + output + "]";
if (rois != "")
	options = options + " roifile=[" + rois + "]";
run("Compare Time Points", options);
print("Report written to " + output);
