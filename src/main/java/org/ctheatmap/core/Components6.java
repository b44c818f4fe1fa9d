package org.ctheatmap.core;

/**
 * Finds the largest 6-connected component of a 3-D binary volume with
 * breadth-first flood fills. Memory is one byte per voxel for the visited
 * flags plus the flood-fill frontier, so no label image is allocated.
 */
final class Components6 {

	private Components6() {}

	/**
	 * Returns a new mask with only the largest 6-connected component of
	 * {@code input}; ties go to the component met first in slice, row, column
	 * order. An all-false input gives an all-false mask.
	 *
	 * @param input {@code input[k][j * width + i]}; not modified
	 */
	static boolean[][] largest(boolean[][] input, int width, int height) {
		int depth = input.length;
		boolean[][] visited = new boolean[depth][width * height];
		long largestSize = 0;
		int largestSlice = -1;
		int largestIndex = -1;
		for (int k = 0; k < depth; k++) {
			for (int index = 0; index < width * height; index++) {
				if (input[k][index] && !visited[k][index]) {
					long size = flood(input, visited, width, height, k, index);
					if (size > largestSize) {
						largestSize = size;
						largestSlice = k;
						largestIndex = index;
					}
				}
			}
		}
		boolean[][] result = new boolean[depth][width * height];
		if (largestSlice >= 0) {
			flood(input, result, width, height, largestSlice, largestIndex);
		}
		return result;
	}

	/**
	 * Marks in {@code marked} every voxel of {@code input} 6-connected to the
	 * seed, and returns how many were marked.
	 */
	private static long flood(boolean[][] input, boolean[][] marked, int width, int height,
		int seedSlice, int seedIndex)
	{
		IntQueue slices = new IntQueue();
		IntQueue indices = new IntQueue();
		marked[seedSlice][seedIndex] = true;
		slices.add(seedSlice);
		indices.add(seedIndex);
		long size = 0;
		while (!indices.isEmpty()) {
			int k = slices.poll();
			int index = indices.poll();
			size++;
			int i = index % width;
			int j = index / width;
			if (i > 0) visit(input, marked, slices, indices, k, index - 1);
			if (i < width - 1) visit(input, marked, slices, indices, k, index + 1);
			if (j > 0) visit(input, marked, slices, indices, k, index - width);
			if (j < height - 1) visit(input, marked, slices, indices, k, index + width);
			if (k > 0) visit(input, marked, slices, indices, k - 1, index);
			if (k < input.length - 1) visit(input, marked, slices, indices, k + 1, index);
		}
		return size;
	}

	private static void visit(boolean[][] input, boolean[][] marked, IntQueue slices,
		IntQueue indices, int k, int index)
	{
		if (input[k][index] && !marked[k][index]) {
			marked[k][index] = true;
			slices.add(k);
			indices.add(index);
		}
	}
}
