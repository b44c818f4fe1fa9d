package org.ctheatmap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchClockTest {

	/** Seconds are summed as doubles; estimates are exact to far below a second. */
	private static final double SUM_TOL_S = 1e-9;

	@Test
	void formatsHoursMinutesSeconds() {
		assertEquals("00:00:00", BatchClock.hms(0), "zero");
		assertEquals("00:01:23", BatchClock.hms(83), "83 s");
		assertEquals("00:04:10", BatchClock.hms(249.6), "249.6 s rounds up");
		assertEquals("01:00:00", BatchClock.hms(3599.5), "half a second before an hour");
		assertEquals("100:00:01", BatchClock.hms(360001), "more than 99 hours");
		assertEquals("00:00:00", BatchClock.hms(-2), "negative time");
	}

	@Test
	void etaIsMeanTimesRemaining() {
		assertTrue(Double.isNaN(BatchClock.eta(0, 0, 5)), "unknown before a study ended");
		assertEquals(45, BatchClock.eta(30, 2, 3), SUM_TOL_S, "15 s each, 3 to go");
		assertEquals(0, BatchClock.eta(30, 2, 0), SUM_TOL_S, "nothing to go");
	}

	@Test
	void startLineCountsProcessedStudiesOnly() {
		BatchClock clock = new BatchClock(3);
		assertTrue(clock.startLine(1, 4, "p01").matches(
			"1/4 p01, elapsed 00:00:0\\d, ETA unknown"), clock.startLine(1, 4, "p01"));
		clock.studyProcessed(100);
		// Two studies remain, the one starting now included: 2 x 100 s.
		assertTrue(clock.startLine(3, 4, "p03").endsWith(", ETA 00:03:20"), clock.startLine(3,
			4, "p03"));
	}
}
