// Maps the share of voxels from 45 to 80 HU in a CT, draws it over the grey
// CT with the colour bar burnt in, and finds its hotspots: on the project's
// phantom, the 60 HU lesion inside the 100 HU liver.
//
// Usage (plain ImageJ with the ij1 jar, or Fiji):
//   ImageJ -batch lesion-hotspots.ijm "input=/path/to/dicom-folder output=/path/to/out"
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
	exit("Usage: lesion-hotspots.ijm \"input=CT output=FOLDER\"");
setBatchMode(true);
File.makeDirectory(output);

run("Open CT Study", "input=[" + input + "]");
ct = getTitle();

run("Parameter Map", "image=[" + ct + "] map=[HU in range] radiusmm=0.8 rangelowhu=45"
	+ " rangehighhu=80 entropybinwidthhu=16 mask=Body");
map = getTitle();
print("Map: " + map);

run("Heat Map Overlay", "image=[" + ct + "] valuemap=[" + map + "] valueunit=%"
	+ " window=[Soft tissue] colormap=viridis rangemode=Fixed minhu=0 maxhu=100"
	+ " thresholdhu=50 opacity=0.6 smoothingradiusmm=0 createflattened createcolourbar"
	+ " colourbartitle=[Lesion HU] burncolourbar");
selectImage(ct + " heat map (RGB)");
saveAs("Tiff", output + "/lesion-rgb.tif");

run("Find Hotspots", "image=[" + map + "] threshold=50 connectivity=6 minvolumemm3=100"
	+ " addrois");
print("Hotspots: " + nResults);
for (i = 0; i < nResults; i++)
	print(getResultString("Hotspot", i) + ": " + getResult("Voxels", i) + " voxels");
saveAs("Results", output + "/hotspots.csv");
print("ROIs: " + roiManager("count"));
