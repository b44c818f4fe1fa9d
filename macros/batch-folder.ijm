// Draws the heat map of every study in a folder with the same settings, then
// prints the summary table the batch writes beside the study folders.
//
// Usage (plain ImageJ with the ij1 jar, or Fiji):
//   ImageJ -batch batch-folder.ijm "input=/path/to/studies output=/path/to/out"
// input: a folder in which each sub-folder with DICOM files, and each .nii,
// .nii.gz, .tif, .tiff, .nrrd, .nhdr, .mha, .mhd or .dcm file, is one study.
// output: receives one folder per study and batch-summary.csv.
// Paths with spaces go in square brackets: input=[/path/with spaces].

// Reads key=value or key=[value with spaces] from the argument, as ImageJ
// reads its own macro options.
function option(arguments, key, fallback) {
	return call("ij.Macro.getValue", arguments, key, fallback);
}

arguments = getArgument();
input = option(arguments, "input", "");
output = option(arguments, "output", "");
if (input == "" || output == "")
	exit("Usage: batch-folder.ijm \"input=FOLDER output=FOLDER\"");
setBatchMode(true);

// Studies finished by an earlier run are skipped; add the key "overwrite" to
// redo them. A failed study cancels the command at the end, which stops this
// macro in plain ImageJ; the summary still lists every study.
run("Batch Heat Maps", "inputdir=[" + input + "] outputdir=[" + output + "]"
	+ " window=[Soft tissue] windowcenterhu=40 windowwidthhu=400 colormap=viridis"
	+ " minhu=-100 maxhu=200 thresholdhu=-100 opacity=0.5 smoothingradiusmm=0");

lines = split(File.openAsString(output + "/batch-summary.csv"), "\n");
print("Batch summary (" + (lines.length - 1) + " studies):");
for (i = 0; i < lines.length; i++)
	print(lines[i]);
