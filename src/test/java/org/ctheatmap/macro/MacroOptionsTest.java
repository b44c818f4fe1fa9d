package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MacroOptionsTest {

	@Test
	void plainAndBracketedValues() {
		MacroOptions options = new MacroOptions(
			"image=[CT scan 1] window=Lung minhu=-1000 maxhu=400.5");
		assertEquals("CT scan 1", options.get("image"), "bracketed value keeps its spaces");
		assertEquals("Lung", options.get("window"), "plain value");
		assertEquals("-1000", options.get("minHu"), "key matched without regard to case");
		assertEquals("400.5", options.get("maxHu"), "last value");
	}

	@Test
	void bareKeyMeansChecked() {
		MacroOptions options = new MacroOptions("createflattened colormap=viridis");
		assertEquals("true", options.get("createFlattened"), "bare key is a checked box");
		assertEquals("viridis", options.get("colormap"), "value after a bare key");
		assertNull(options.get("createColourBar"), "absent key");
	}

	@Test
	void emptyAndNullOptions() {
		assertNull(new MacroOptions(null).get("window"), "null options give no values");
		assertNull(new MacroOptions("   ").get("window"), "blank options give no values");
	}

	@Test
	void unclosedBracketRejected() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new MacroOptions("image=[CT scan"));
		assertEquals(true, e.getMessage().contains("image"), "message names the key: " + e
			.getMessage());
	}
}
