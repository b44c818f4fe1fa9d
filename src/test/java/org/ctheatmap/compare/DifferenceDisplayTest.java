package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapSettings;
import org.junit.jupiter.api.Test;

class DifferenceDisplayTest {

	private static final CtWindow WINDOW = CtWindow.preset(CtWindow.SOFT_TISSUE);

	@Test
	void zeroGetsMiddleEntry() {
		HeatMapSettings settings = DifferenceDisplay.settings(Colormaps.get(Colormaps.COOLWARM),
			100, DifferenceMaps.ABSOLUTE_UNIT, WINDOW, 0.6);
		assertEquals(128, settings.scale().index(0), "0 ΔHU");
		assertEquals(192, settings.scale().index(50), "+50 ΔHU");
		assertEquals(64, settings.scale().index(-50), "-50 ΔHU");
		assertEquals("ΔHU", settings.unit(), "unit");
	}

	@Test
	void gainIsWarmAndLossCool() {
		HeatMapSettings settings = DifferenceDisplay.settings(Colormaps.get(Colormaps.COOLWARM),
			100, DifferenceMaps.ABSOLUTE_UNIT, WINDOW, 0.6);
		int gain = settings.scale().rgb(50);
		int loss = settings.scale().rgb(-50);
		assertTrue((gain >> 16 & 0xff) > (gain & 0xff), "+50 more red than blue");
		assertTrue((loss & 0xff) > (loss >> 16 & 0xff), "-50 more blue than red");
	}

	@Test
	void onlyNaNIsTransparent() {
		HeatMapSettings settings = DifferenceDisplay.settings(Colormaps.get(Colormaps.RDBU), 10,
			DifferenceMaps.RELATIVE_UNIT, WINDOW, 0.5);
		assertTrue(settings.isTransparent(Double.NaN), "NaN");
		assertEquals(false, settings.isTransparent(-1000), "large loss is drawn");
	}

	@Test
	void automaticLimitIsRoundedPercentile() {
		FloatVolume map = FloatVolume.allocate(10, 10, 1);
		float[] values = map.slices()[0];
		for (int index = 0; index < 100; index++) {
			values[index] = (index % 2 == 0 ? 1 : -1) * (index + 1) * 0.3f;
		}
		// |values| are 0.3 .. 30 in steps of 0.3; the 90th percentile is 27.
		assertEquals(50, DifferenceDisplay.automaticLimit(map, null, 90), 0, "27 rounds to 50");
		assertEquals(10, DifferenceDisplay.automaticLimit(map, null, 30), 0, "9 rounds to 10");
	}

	@Test
	void automaticLimitSkipsNaNAndMask() {
		FloatVolume map = FloatVolume.allocate(2, 1, 1);
		map.slices()[0][0] = 3;
		map.slices()[0][1] = Float.NaN;
		assertEquals(5, DifferenceDisplay.automaticLimit(map, null, 100), 0, "NaN skipped");
		boolean[][] none = { { false, false } };
		assertEquals(1, DifferenceDisplay.automaticLimit(map, none, 100), 0, "empty mask");
	}

	@Test
	void niceCeilingSteps() {
		assertEquals(2.5, DifferenceDisplay.niceCeiling(2.1), 1e-12, "2.1");
		assertEquals(20, DifferenceDisplay.niceCeiling(20.000000001), 1e-12, "20 plus rounding");
		assertEquals(100, DifferenceDisplay.niceCeiling(51), 1e-12, "51");
		assertEquals(0.05, DifferenceDisplay.niceCeiling(0.041), 1e-12, "0.041");
	}

	@Test
	void rejectsZeroLimit() {
		assertThrows(IllegalArgumentException.class, () -> DifferenceDisplay.settings(Colormaps
			.get(Colormaps.COOLWARM), 0, "ΔHU", WINDOW, 0.5), "limit 0");
	}
}
