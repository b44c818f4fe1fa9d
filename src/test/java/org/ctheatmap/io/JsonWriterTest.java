package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriterTest {

	@Test
	void escapesStrings() {
		String text = "quote \" backslash \\ newline \n tab \t bell \u0007 é ∑";
		String json = JsonWriter.toJson(Collections.singletonMap("text", text));
		JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
		assertEquals(text, parsed.get("text").getAsString(), "String after a round trip");
		assertTrue(json.contains("\\u0007"), "Control character escaped as \\u0007: " + json);
	}

	@Test
	void writesNumbersAndNonFiniteAsNull() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("int", 42);
		map.put("long", 1L << 40);
		map.put("double", -830.606);
		map.put("float", 0.1f);
		map.put("nan", Double.NaN);
		map.put("infinity", Float.POSITIVE_INFINITY);
		map.put("null", null);
		map.put("flag", true);
		JsonObject parsed = JsonParser.parseString(JsonWriter.toJson(map)).getAsJsonObject();
		assertEquals(42, parsed.get("int").getAsInt(), "int");
		assertEquals(1L << 40, parsed.get("long").getAsLong(), "long");
		assertEquals(-830.606, parsed.get("double").getAsDouble(), 0, "double");
		assertEquals("0.1", parsed.get("float").getAsString(), "float written as its shortest text");
		assertTrue(parsed.get("nan").isJsonNull(), "NaN written as null");
		assertTrue(parsed.get("infinity").isJsonNull(), "Infinity written as null");
		assertTrue(parsed.get("null").isJsonNull(), "null");
		assertTrue(parsed.get("flag").getAsBoolean(), "boolean");
	}

	@Test
	void writesNestedContainers() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("spacing", new double[] { 0.8, 0.8, 2.5 });
		inner.put("empty", Collections.emptyList());
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("volume", inner);
		map.put("list", Arrays.asList(inner, "x"));
		map.put("empty", Collections.emptyMap());
		String json = JsonWriter.toJson(map);
		JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
		JsonArray spacing = parsed.getAsJsonObject("volume").getAsJsonArray("spacing");
		assertEquals(2.5, spacing.get(2).getAsDouble(), 0, "Third spacing value");
		assertEquals(0, parsed.getAsJsonObject("volume").getAsJsonArray("empty").size(),
			"Empty list");
		assertEquals("x", parsed.getAsJsonArray("list").get(1).getAsString(), "List item");
		assertTrue(json.contains("[0.8, 0.8, 2.5]"), "Scalar array on one line: " + json);
	}

	@Test
	void writeReplacesFileAtomically(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("sidecar.json");
		Files.write(file, "old".getBytes(StandardCharsets.UTF_8));
		JsonWriter.write(Collections.singletonMap("k", "v"), file);
		String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		assertEquals("{\n  \"k\": \"v\"\n}\n", text, "File content");
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			assertEquals(1, files.count(), "No temporary file left beside the sidecar");
		}
	}
}
