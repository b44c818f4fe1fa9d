package org.ctheatmap.cli;

import java.io.PrintStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.SoftwareVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code java -jar ct-heatmap-cli.jar}: the {@code heatmap},
 * {@code measure}, {@code phantom}, {@code filter}, {@code normalize},
 * {@code batch}, {@code map}, {@code hotspots}, {@code luts} and {@code compare}
 * subcommands.
 * <p>
 * Exit codes: {@value #EXIT_OK} on success, {@value #EXIT_BAD_INPUT} for an
 * invalid option or input, an input that cannot be read as CT, or an output
 * that exists already, and {@value #EXIT_FAILURE} for any other failure.
 * Errors are printed to stderr as one line, "ct-heatmap: FILE: problem" for
 * a bad file.
 */
@Command(name = "ct-heatmap", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class,
	description = "Turns CT scans into heat-map images in Hounsfield units (HU).",
	subcommands = { HeatMapCommand.class, MeasureCommand.class, PhantomCommand.class,
		FilterCommand.class, NormalizeCommand.class, BatchCommand.class, MapCommand.class,
		HotspotsCommand.class, LutsCommand.class, CompareCommand.class })
public final class CtHeatMapCli implements Runnable {

	public static final int EXIT_OK = 0;
	public static final int EXIT_FAILURE = 1;
	public static final int EXIT_BAD_INPUT = 2;

	static final String PROGRAM = "ct-heatmap";

	@Spec
	private CommandSpec spec;

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command line with the given streams and returns the exit code;
	 * never calls {@code System.exit}.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine commandLine = new CommandLine(new CtHeatMapCli());
		commandLine.setOut(writer(out));
		commandLine.setErr(writer(err));
		commandLine.setParameterExceptionHandler(CtHeatMapCli::handleUsageError);
		commandLine.setExecutionExceptionHandler(CtHeatMapCli::handleFailure);
		return commandLine.execute(args);
	}

	/** Prints the usage when no subcommand is given. */
	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(), "a subcommand is required: heatmap," +
			" measure, phantom, filter, normalize, batch, map, hotspots, luts or compare");
	}

	private static int handleUsageError(ParameterException e, String[] args) {
		PrintWriter err = e.getCommandLine().getErr();
		err.println(PROGRAM + ": " + oneLine(e.getMessage()));
		err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() +
			" --help' for the options.");
		err.flush();
		return EXIT_BAD_INPUT;
	}

	private static int handleFailure(Exception e, CommandLine commandLine,
		ParseResult parseResult)
	{
		PrintWriter err = commandLine.getErr();
		boolean badInput = e instanceof InvalidInputException;
		String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
		if (e instanceof FileSystemException) {
			// These carry only the path as message, so the reason comes from the type.
			FileSystemException failure = (FileSystemException) e;
			message = failure.getFile() + ": " + (failure.getReason() != null ? failure
				.getReason() : describe(failure));
		}
		err.println(PROGRAM + ": " + oneLine(message));
		err.flush();
		return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
	}

	private static String describe(FileSystemException e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NoSuchFileException) return "file or folder not found";
		if (e instanceof FileAlreadyExistsException) return "exists already";
		if (e instanceof DirectoryNotEmptyException) return "folder not empty";
		return e.getClass().getSimpleName();
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
	}

	private static PrintWriter writer(PrintStream stream) {
		return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
	}

	/** Supplies the text of {@code --version}. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { PROGRAM + " " + SoftwareVersion.version() + " (" +
				SoftwareVersion.NAME + ")" };
		}
	}
}
