package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SelectionProgramTest {

	/** Runs a compiled program on one set of inputs. */
	private static float[] run(SelectionProgram.Compiled program, float[] inputs) {
		float[][] rows = program.newRegisters(1);
		for (int i = 0; i < inputs.length; i++) {
			rows[i][0] = inputs[i];
		}
		program.run(rows, 1);
		float[] out = new float[program.outputs.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = rows[program.outputs[i]][0];
		}
		return out;
	}

	@Test
	void batcherNetworkSortsEveryZeroOneInput() {
		for (int n = 1; n <= 14; n++) {
			SelectionProgram p = new SelectionProgram(n);
			int[] wires = new int[n];
			for (int i = 0; i < n; i++) {
				wires[i] = i;
			}
			p.sort(wires);
			SelectionProgram.Compiled sort = p.compile(wires);
			// By the 0-1 principle, sorting all 0-1 inputs proves the network.
			for (int bits = 0; bits < 1 << n; bits++) {
				float[] in = new float[n];
				for (int i = 0; i < n; i++) {
					in[i] = (bits >> i) & 1;
				}
				float[] expected = in.clone();
				Arrays.sort(expected);
				assertEquals(Arrays.toString(expected), Arrays.toString(run(sort, in)), "n = " + n +
					", input " + Arrays.toString(in));
			}
		}
	}

	@Test
	void boxMergeFindsTheMedianOfThreeSortedLists() {
		SelectionProgram.Compiled merge = Box27Median.mergeProgram();
		Random random = new Random(11);
		for (int trial = 0; trial < 20000; trial++) {
			float[][] lists = new float[3][9];
			float[] all = new float[27];
			for (int l = 0; l < 3; l++) {
				for (int i = 0; i < 9; i++) {
					// A small value range forces many ties.
					lists[l][i] = random.nextInt(trial % 2 == 0 ? 6 : 1000);
				}
				Arrays.sort(lists[l]);
			}
			float[] in = new float[27];
			for (int i = 0; i < 9; i++) {
				for (int l = 0; l < 3; l++) {
					in[3 * i + l] = lists[l][i];
					all[3 * i + l] = lists[l][i];
				}
			}
			Arrays.sort(all);
			assertEquals(all[13], run(merge, in)[0], 0, "trial " + trial);
		}
	}

	@Test
	void boxMergeNeedsFewOperations() {
		int operations = Box27Median.mergeProgram().operations();
		assertEquals(true, operations <= 70, "merge step has " + operations + " operations");
	}
}
