package org.ctheatmap.core.filter;

/**
 * Median of the 3 x 3 x 3 box with about 75 vectorised min/max operations per
 * voxel instead of sorting 27 values.
 * <p>
 * Step 1 sorts the 9 values of each column (the voxels with the same x in the
 * 3 x 3 rows around the output row); each sorted column serves three output
 * voxels. The window of voxel x is then three sorted lists A, B and C (the
 * columns x - 1, x and x + 1) of length 9.
 * <p>
 * Step 2 uses a property of matrices with sorted columns: sorting every row
 * keeps the columns sorted. After sorting each triple (A[i], B[i], C[i]) into
 * (L[i], M[i], H[i]), element (i, j) of that 9 x 3 matrix is at least
 * (i + 1)(j + 1) - 1 other elements and at most (9 - i)(3 - j) - 1 others, so
 * the 14th smallest of 27 can only be one of L[5..8], M[2..6] or H[0..3].
 * Seven of the dropped values are below it and seven above, so the median of
 * 27 is the median of these 13. Padding them with one -infinity and one
 * +infinity gives three sorted lists of 5, and the same argument leaves 7
 * candidates with rank 3, then three sorted lists of 3, whose median is
 * {@code median3(max of lows, median of middles, min of highs)}.
 */
final class Box27Median implements RowKernel {

	private final SelectionProgram.Compiled columnSort;
	private final SelectionProgram.Compiled merge;

	Box27Median() {
		SelectionProgram sort = new SelectionProgram(9);
		int[] wires = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
		sort.sort(wires);
		columnSort = sort.compile(wires);
		merge = mergeProgram();
	}

	/**
	 * Builds the program that takes the 27 values of three sorted lists (input
	 * 3 * i + list is element i of list A, B or C) to their median.
	 */
	static SelectionProgram.Compiled mergeProgram() {
		SelectionProgram p = new SelectionProgram(27);
		int[] low = new int[9];
		int[] middle = new int[9];
		int[] high = new int[9];
		for (int i = 0; i < 9; i++) {
			int a = 3 * i;
			low[i] = p.min(p.min(a, a + 1), a + 2);
			middle[i] = p.median3(a, a + 1, a + 2);
			high[i] = p.max(p.max(a, a + 1), a + 2);
		}
		int[] p5 = { SelectionProgram.NEG_INF, low[5], low[6], low[7], low[8] };
		int[] q5 = { middle[2], middle[3], middle[4], middle[5], middle[6] };
		int[] r5 = { high[0], high[1], high[2], high[3], SelectionProgram.POS_INF };
		int[] low2 = new int[5];
		int[] middle2 = new int[5];
		int[] high2 = new int[5];
		for (int i = 0; i < 5; i++) {
			low2[i] = p.min(p.min(p5[i], q5[i]), r5[i]);
			middle2[i] = p.median3(p5[i], q5[i], r5[i]);
			high2[i] = p.max(p.max(p5[i], q5[i]), r5[i]);
		}
		// Lists of 3: (-inf, low2[3], low2[4]), middle2[1..3], (high2[0], high2[1], +inf).
		int maxOfLows = p.max(middle2[1], high2[0]);
		int medianOfMiddles = p.median3(low2[3], middle2[2], high2[1]);
		int minOfHighs = p.min(low2[4], middle2[3]);
		return p.compile(p.median3(maxOfLows, medianOfMiddles, minOfHighs));
	}

	@Override
	public Worker newWorker(int width) {
		float[][] columns = columnSort.newRegisters(width);
		float[][] lists = merge.newRegisters(width);
		return (rows, y, z, from, to, out, outOffset) -> {
			int n = to - from;
			int i = 0;
			for (int dz = -1; dz <= 1; dz++) {
				for (int dy = -1; dy <= 1; dy++) {
					rows.loadRow(dy, dz, y, z, from - 1, n + 2, columns[i++]);
				}
			}
			columnSort.run(columns, n + 2);
			for (int rank = 0; rank < 9; rank++) {
				float[] sorted = columns[columnSort.outputs[rank]];
				for (int list = 0; list < 3; list++) {
					System.arraycopy(sorted, list, lists[3 * rank + list], 0, n);
				}
			}
			merge.run(lists, n);
			System.arraycopy(lists[merge.outputs[0]], 0, out, outOffset + from, n);
		};
	}
}
