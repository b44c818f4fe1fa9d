package org.ctheatmap.macro;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * Runs one of this suite's SciJava commands from a macro in plain ImageJ 1,
 * which has no SciJava layer of its own.
 * <p>
 * Fiji needs no bridge: its legacy layer runs the commands directly. For
 * plain ImageJ 1 the {@code ij1} jar lists each command in its
 * {@code plugins.config} with this class and the command's class name as
 * argument, so {@code run("Heat Map Overlay", "key=value ...")} lands here.
 * Options are handed to the command's inputs by parameter name, as Fiji does:
 * an {@code ImagePlus} input takes the image with the given title, and a
 * required first one falls back to the current image when its key is absent.
 * Booleans are true when their key is present bare or set to true. Image
 * outputs are shown, so in batch mode they become batch-mode images, and
 * tables are shown under their title. A cancelled command aborts the macro
 * after logging the reason.
 */
public class CommandBridge implements PlugIn {

	private static Context context;

	@Override
	public void run(String commandClass) {
		CommandService commands = context().service(CommandService.class);
		CommandInfo info = commands.getCommand(commandClass);
		if (info == null) {
			fail(commandClass, "command class not found on the class path");
			return;
		}
		String label = info.getTitle();
		Map<String, Object> inputs;
		try {
			inputs = inputsFrom(info, new MacroOptions(Macro.getOptions()));
		} catch (IllegalArgumentException e) {
			fail(label, e.getMessage());
			return;
		}
		CommandModule module;
		try {
			module = (CommandModule) commands.run(info, true, inputs).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail(label, "interrupted");
			return;
		} catch (ExecutionException e) {
			// SciJava wraps the command's own exception, so the innermost cause names the failure.
			Throwable cause = e;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			fail(label, cause.toString());
			return;
		}
		if (module.isCanceled()) {
			fail(label, module.getCancelReason());
			return;
		}
		showOutputs(info, module);
	}

	private static synchronized Context context() {
		if (context == null) {
			// ImageJ 1 loads plugin jars with its own class loader; SciJava looks for
			// its plugin index through the thread's context class loader.
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(CommandBridge.class.getClassLoader());
			try {
				context = new Context(CommandService.class);
			} finally {
				thread.setContextClassLoader(previous);
			}
		}
		return context;
	}

	private static Map<String, Object> inputsFrom(CommandInfo info, MacroOptions options) {
		Map<String, Object> inputs = new HashMap<>();
		Set<String> known = new TreeSet<>();
		boolean firstImage = true;
		for (ModuleItem<?> item : info.inputs()) {
			Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
			known.add(item.getName().toLowerCase(Locale.ROOT));
			String text = options.get(item.getName());
			if (type == ImagePlus.class) {
				// Only a command's first, required image falls back to the current image.
				// A second image (a label map, a mask) or an optional one must be named.
				if (text != null || firstImage && item.isRequired()) {
					inputs.put(item.getName(), image(text));
				}
				firstImage = false;
			} else if (text != null) {
				inputs.put(item.getName(), convert(item.getName(), text, type));
			} else if (type == boolean.class || type == Boolean.class) {
				// ImageJ records an unchecked checkbox by leaving its key out.
				if (Macro.getOptions() != null) inputs.put(item.getName(), false);
			}
		}
		for (String key : options.keys()) {
			if (!known.contains(key)) {
				throw new IllegalArgumentException("unknown macro key '" + key + "'; valid keys: " +
					known);
			}
		}
		return inputs;
	}

	private static ImagePlus image(String title) {
		ImagePlus image = title == null ? WindowManager.getCurrentImage() : WindowManager.getImage(
			title);
		if (image == null) {
			throw new IllegalArgumentException(title == null ? "no image is open"
				: "no open image is titled '" + title + "'");
		}
		return image;
	}

	private static Object convert(String name, String text, Class<?> type) {
		try {
			if (type == String.class) return text;
			if (type == double.class || type == Double.class) return Double.parseDouble(text);
			if (type == float.class || type == Float.class) return Float.parseFloat(text);
			if (type == int.class || type == Integer.class) return Integer.parseInt(text);
			if (type == long.class || type == Long.class) return Long.parseLong(text);
			if (type == boolean.class || type == Boolean.class) return Boolean.parseBoolean(text);
			if (type == File.class) return new File(text);
			if (type == Path.class) return Paths.get(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("invalid number for '" + name + "': " + text);
		}
		throw new IllegalArgumentException("'" + name + "' of type " + type.getSimpleName() +
			" cannot be set from a macro");
	}

	private static void showOutputs(CommandInfo info, CommandModule module) {
		for (ModuleItem<?> item : info.outputs()) {
			Object value = module.getOutput(item.getName());
			if (value instanceof ImagePlus) {
				((ImagePlus) value).show();
			} else if (value instanceof ResultsTable && value != Analyzer.getResultsTable()) {
				// The system Results table is shown by the command that filled it.
				ResultsTable table = (ResultsTable) value;
				String title = table.getTitle() == null ? item.getName() : table.getTitle();
				table.show(title);
			}
		}
	}

	private static void fail(String label, String reason) {
		// Commands start their cancel reasons with their own name, so the prefix is dropped.
		String text = reason != null && reason.startsWith(label + ": ") ? reason.substring(label
			.length() + 2) : reason;
		IJ.log(label + " failed: " + text);
		if (IJ.isMacro()) {
			// Stops the calling macro, so later lines do not run on missing outputs.
			Interpreter.abort();
		}
	}
}
