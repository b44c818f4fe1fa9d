package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * Checks the rules that keep every command callable from macros: a menu entry
 * under Plugins > CT Heat Map, a plain-ImageJ entry in plugins.config, inputs
 * that a macro string can set, and keys documented on a page in docs/.
 */
class MacroContractTest {

	private static final String MENU_PREFIX = "Plugins>CT Heat Map>";

	/** Input types that a key=value macro option can carry. */
	private static final Set<Class<?>> MACRO_TYPES = new HashSet<>(Arrays.asList(ImagePlus.class,
		String.class, double.class, Double.class, float.class, Float.class, int.class,
		Integer.class, long.class, Long.class, boolean.class, Boolean.class, File.class,
		Path.class));

	private static Context context;
	private static List<CommandInfo> commands;

	@BeforeAll
	static void findCommands() {
		context = new Context(CommandService.class);
		commands = new ArrayList<>();
		for (CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (info.getClassName().startsWith("org.ctheatmap.")) commands.add(info);
		}
	}

	@AfterAll
	static void dispose() {
		context.dispose();
	}

	@Test
	void suiteHasCommands() {
		assertTrue(commands.size() >= 2, "commands found in the plugin index: " + commands.size());
	}

	@Test
	void commandsSitUnderSuiteMenu() {
		for (CommandInfo info : commands) {
			String path = info.getMenuPath().getMenuString(true).replace(" > ", ">");
			assertTrue(path.startsWith(MENU_PREFIX), info.getClassName() + " menu: " + path);
			assertTrue(info.canRunHeadless(), info.getClassName() +
				" must declare headless = true");
		}
	}

	@Test
	void everyCommandInPluginsConfig() throws IOException {
		String config = read(Paths.get("src/main/ij1/plugins.config"));
		for (CommandInfo info : commands) {
			String leaf = info.getMenuPath().getLeaf().getName();
			String line = "\"" + leaf + "\", org.ctheatmap.macro.CommandBridge(\"" + info
				.getClassName() + "\")";
			assertTrue(config.contains(line), "plugins.config lacks: " + line);
		}
	}

	@Test
	void inputsSettableFromMacros() {
		for (CommandInfo info : commands) {
			for (ModuleItem<?> item : info.inputs()) {
				Class<?> type = item.getType();
				if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
				assertTrue(MACRO_TYPES.contains(type), info.getClassName() + " input '" + item
					.getName() + "' has type " + type.getName() + ", which a macro cannot set");
			}
		}
	}

	@Test
	void keysDocumented() throws IOException {
		String docs = readDocs().toLowerCase(Locale.ROOT);
		for (CommandInfo info : commands) {
			String leaf = info.getMenuPath().getLeaf().getName();
			assertTrue(docs.contains("run(\"" + leaf.toLowerCase(Locale.ROOT) + "\""),
				"no page in docs/ has a run(\"" + leaf + "\", ...) example");
			for (ModuleItem<?> item : info.inputs()) {
				Class<?> type = item.getType();
				if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
				String key = "`" + item.getName().toLowerCase(Locale.ROOT) + "`";
				assertTrue(docs.contains(key), "no page in docs/ documents key " + key + " of " +
					leaf);
			}
		}
	}

	@Test
	void noDuplicateMenuLeaves() {
		Set<String> leaves = new HashSet<>();
		for (CommandInfo info : commands) {
			String leaf = info.getMenuPath().getLeaf().getName();
			assertFalse(!leaves.add(leaf), "two commands share the menu entry " + leaf);
		}
	}

	/** Returns the text of every Markdown page in docs/, where the macro keys are documented. */
	private static String readDocs() throws IOException {
		StringBuilder text = new StringBuilder();
		try (DirectoryStream<Path> pages = Files.newDirectoryStream(ImageJRunner.projectDir()
			.resolve("docs"), "*.md"))
		{
			for (Path page : pages) {
				text.append(new String(Files.readAllBytes(page), StandardCharsets.UTF_8));
			}
		}
		return text.toString();
	}

	private static String read(Path relative) throws IOException {
		Path file = ImageJRunner.projectDir().resolve(relative);
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}
}
