package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TicksTest {

	/** Ticks are k * step computed in double; 1e-9 steps covers the rounding. */
	private static final double ROUNDING_STEPS = 1e-9;

	@Test
	void knownRanges() {
		assertArrayEquals(new double[] { -100, 0, 100, 200, 300 }, Ticks.forRange(-100, 300)
			.values(), "-100..300 HU");
		assertArrayEquals(new double[] { -1000, -500, 0, 500, 1000 }, Ticks.forRange(-1000, 1000)
			.values(), "-1000..1000 HU");
		assertArrayEquals(new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, Ticks.forRange(0, 1)
			.values(), 1e-15, "0..1");
		assertArrayEquals(new double[] { 0.2, 0.4, 0.6, 0.8 }, Ticks.forRange(0.1, 0.9)
			.values(), 1e-15, "0.1..0.9");
		assertArrayEquals(new double[] { 0.3, 0.4, 0.5, 0.6, 0.7 }, Ticks.forRange(0.3, 0.7)
			.values(), 1e-15, "0.3..0.7 keeps both ends");
	}

	@Test
	void fallsBackToStepTwoAndAHalf() {
		// Step 2 gives 2..18 (9 ticks) and step 5 gives 5, 10, 15 (3 ticks).
		Ticks ticks = Ticks.forRange(1.9, 19.9);
		assertEquals(2.5, ticks.step(), 0, "step");
		assertEquals(7, ticks.count(), "2.5 .. 17.5");
		assertEquals("2.5", ticks.label(0), "first label");
	}

	@Test
	void labels() {
		Ticks hu = Ticks.forRange(-1000, 1000);
		assertEquals("-1000", hu.label(0), "integer step");
		assertEquals("0", hu.label(2), "zero has no sign");
		Ticks fraction = Ticks.forRange(-0.5, 0.5);
		assertEquals("-0.4", fraction.label(0), "one decimal");
		assertEquals("0.0", fraction.label(2), "zero with decimals");
		assertEquals("0.25", Ticks.forRange(0.19, 1.99).label(0), "step 0.25");
	}

	@Test
	void randomRangesGiveFourToEightRoundTicks() {
		Random random = new Random(17);
		for (int trial = 0; trial < 20000; trial++) {
			double span = Math.pow(10, random.nextDouble() * 8 - 3);
			double minimum = (random.nextDouble() - 0.5) * 4 * span;
			double maximum = minimum + span;
			Ticks ticks = Ticks.forRange(minimum, maximum);
			String range = minimum + " .. " + maximum;
			assertTrue(ticks.count() >= 4, range + ": " + ticks.count() + " ticks");
			assertTrue(ticks.count() <= 8, range + ": " + ticks.count() + " ticks");
			double step = ticks.step();
			double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
			assertTrue(isRoundMantissa(mantissa), range + ": step " + step);
			for (double value : ticks.values()) {
				assertTrue(value >= minimum - ROUNDING_STEPS * step, range + ": " + value +
					" below the range");
				assertTrue(value <= maximum + ROUNDING_STEPS * step, range + ": " + value +
					" above the range");
				double k = value / step;
				assertEquals(Math.rint(k), k, 1e-6, range + ": " + value + " is not a multiple");
			}
		}
	}

	@Test
	void invalidRangeIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> Ticks.forRange(1, 1), "empty");
		assertThrows(IllegalArgumentException.class, () -> Ticks.forRange(0, Double.NaN), "NaN");
	}

	private static boolean isRoundMantissa(double mantissa) {
		for (double round : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (Math.abs(mantissa - round) < 1e-9) return true;
		}
		return false;
	}
}
