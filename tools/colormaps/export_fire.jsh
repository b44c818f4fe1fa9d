// Writes src/main/resources/org/ctheatmap/lut/fire.txt from ImageJ's built-in
// "fire" table, which ij.plugin.LutLoader computes from 32 control points.
// Run from the repository root:
//   jshell --class-path ~/.m2/repository/net/imagej/ij/1.54p/ij-1.54p.jar \
//       tools/colormaps/export_fire.jsh
import java.awt.image.IndexColorModel;
import java.nio.file.*;

IndexColorModel fire = ij.plugin.LutLoader.getLut("fire");
StringBuilder text = new StringBuilder();
text.append("# fire: ImageJ " + ij.IJ.getVersion() +
	" ij.plugin.LutLoader built-in table; ImageJ 1.x is in the public domain\n");
text.append("# 256 rows of red green blue, 8-bit integers in 0..255\n");
for (int i = 0; i < 256; i++) {
	text.append(fire.getRed(i) + " " + fire.getGreen(i) + " " + fire.getBlue(i) + "\n");
}
Files.writeString(Paths.get("src/main/resources/org/ctheatmap/lut/fire.txt"), text);
/exit
