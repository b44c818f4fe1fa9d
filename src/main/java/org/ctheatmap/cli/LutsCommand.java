package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ctheatmap.lut.LutInstaller;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code luts} subcommand: writes the colour tables as ImageJ .lut files. */
@Command(name = "luts", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class,
	description = { "Writes every colour table as an ImageJ .lut file named " +
		LutInstaller.PREFIX + "NAME.lut. Give Fiji's luts folder as --out to list them" +
		" under Image > Lookup Tables." },
	footer = { "", "Exit codes: 0 success, 2 invalid option, 1 other failure." })
final class LutsCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Folder for the .lut files, e.g. Fiji.app/luts; created if missing.")
	private Path out;

	@Option(names = "--overwrite", description = "Replace files of the same names.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		List<Path> written = LutInstaller.install(out, overwrite);
		spec.commandLine().getOut().println("Wrote " + written.size() + " colour tables into " +
			out + (overwrite ? "" : "; existing files were kept"));
		return CtHeatMapCli.EXIT_OK;
	}
}
