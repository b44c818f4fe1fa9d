package org.ctheatmap.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A straight-line program of element-wise min, max and mean operations on
 * rows, built symbolically and then run on whole rows at once.
 * <p>
 * Build it by calling {@link #min}, {@link #max} and the helpers on node ids
 * (inputs are 0 to inputs - 1), then {@link #compile(int...)} the outputs.
 * Compiling drops the operations the outputs do not depend on and reuses row
 * registers once a value is dead. {@link #NEG_INF} and {@link #POS_INF} are
 * constant nodes that fold away: {@code min(x, POS_INF)} is x. Running one
 * compiled program costs a few vectorised loops per operation per row.
 */
final class SelectionProgram {

	static final int NEG_INF = -1;
	static final int POS_INF = -2;

	private static final int MIN = 0;
	private static final int MAX = 1;
	private static final int MEAN = 2;

	private final int inputs;
	private final List<int[]> nodes = new ArrayList<>();

	SelectionProgram(int inputs) {
		this.inputs = inputs;
	}

	int min(int a, int b) {
		if (a == POS_INF || b == NEG_INF) return b;
		if (b == POS_INF || a == NEG_INF) return a;
		if (a == b) return a;
		return add(MIN, a, b);
	}

	int max(int a, int b) {
		if (a == NEG_INF || b == POS_INF) return b;
		if (b == NEG_INF || a == POS_INF) return a;
		if (a == b) return a;
		return add(MAX, a, b);
	}

	/** Returns the mean of two finite nodes. */
	int mean(int a, int b) {
		return add(MEAN, a, b);
	}

	/** Returns the median of three nodes: max(min(a, b), min(max(a, b), c)). */
	int median3(int a, int b, int c) {
		return max(min(a, b), min(max(a, b), c));
	}

	/**
	 * Sorts {@code wires} ascending in place with Batcher's odd-even merge
	 * sort. Comparators that touch a position past the end are left out,
	 * which is exact because such a position would hold +infinity.
	 */
	void sort(int[] wires) {
		int n = wires.length;
		int size = 1;
		while (size < n) {
			size <<= 1;
		}
		for (int p = 1; p < size; p <<= 1) {
			for (int k = p; k >= 1; k >>= 1) {
				for (int j = k % p; j + k < size; j += 2 * k) {
					for (int i = 0; i < k && i + j + k < size; i++) {
						int a = i + j;
						int b = i + j + k;
						if ((a / (2 * p)) == (b / (2 * p)) && b < n) {
							int low = min(wires[a], wires[b]);
							int high = max(wires[a], wires[b]);
							wires[a] = low;
							wires[b] = high;
						}
					}
				}
			}
		}
	}

	/**
	 * Returns the node of the median of the given nodes: the middle value for
	 * an odd count, the mean of the two middle values for an even count.
	 */
	int median(int[] values) {
		int[] wires = values.clone();
		sort(wires);
		int n = wires.length;
		return n % 2 == 1 ? wires[n / 2] : mean(wires[n / 2 - 1], wires[n / 2]);
	}

	private int add(int op, int a, int b) {
		if (a < 0 || b < 0) throw new IllegalStateException("Infinite constant in a mean");
		nodes.add(new int[] { op, a, b });
		return inputs + nodes.size() - 1;
	}

	/** Compiles the program that computes the given output nodes. */
	Compiled compile(int... outputs) {
		int total = inputs + nodes.size();
		boolean[] live = new boolean[total];
		for (int out : outputs) {
			if (out < 0) throw new IllegalStateException("An output is an infinite constant");
			live[out] = true;
		}
		for (int n = total - 1; n >= inputs; n--) {
			if (!live[n]) continue;
			int[] node = nodes.get(n - inputs);
			live[node[1]] = true;
			live[node[2]] = true;
		}
		int[] lastUse = new int[total];
		Arrays.fill(lastUse, -1);
		for (int n = inputs; n < total; n++) {
			if (!live[n]) continue;
			int[] node = nodes.get(n - inputs);
			lastUse[node[1]] = n;
			lastUse[node[2]] = n;
		}
		for (int out : outputs) {
			lastUse[out] = Integer.MAX_VALUE;
		}
		return allocate(live, lastUse, outputs);
	}

	private Compiled allocate(boolean[] live, int[] lastUse, int[] outputs) {
		int total = live.length;
		int[] register = new int[total];
		List<Integer> free = new ArrayList<>();
		int registers = inputs;
		for (int r = 0; r < inputs; r++) {
			register[r] = r;
		}
		List<int[]> code = new ArrayList<>();
		for (int n = inputs; n < total; n++) {
			if (!live[n]) continue;
			int[] node = nodes.get(n - inputs);
			// Free operands that die here first: an element-wise op may overwrite its input.
			for (int operand : new int[] { node[1], node[2] }) {
				if (lastUse[operand] == n && !free.contains(register[operand])) {
					free.add(register[operand]);
				}
			}
			register[n] = free.isEmpty() ? registers++ : free.remove(free.size() - 1);
			code.add(new int[] { node[0], register[n], register[node[1]], register[node[2]] });
		}
		int[] outputRegisters = new int[outputs.length];
		for (int i = 0; i < outputs.length; i++) {
			outputRegisters[i] = register[outputs[i]];
		}
		return new Compiled(inputs, registers, code.toArray(new int[0][]), outputRegisters);
	}

	/** A compiled program: operations on numbered row registers. */
	static final class Compiled {

		final int inputs;
		final int registers;
		final int[][] code;
		final int[] outputs;

		Compiled(int inputs, int registers, int[][] code, int[] outputs) {
			this.inputs = inputs;
			this.registers = registers;
			this.code = code;
			this.outputs = outputs;
		}

		/** Allocates the row registers for rows of the given length. */
		float[][] newRegisters(int length) {
			return new float[registers][length];
		}

		/**
		 * Runs the program on elements [0, n) of the registers; registers 0 to
		 * inputs - 1 must hold the inputs, and {@code outputs} name the
		 * registers that hold the results afterwards.
		 */
		void run(float[][] rows, int n) {
			for (int[] op : code) {
				float[] dst = rows[op[1]];
				float[] a = rows[op[2]];
				float[] b = rows[op[3]];
				if (op[0] == MIN) {
					RowOps.min(dst, a, b, n);
				} else if (op[0] == MAX) {
					RowOps.max(dst, a, b, n);
				} else {
					RowOps.mean(dst, a, b, n);
				}
			}
		}

		/** Returns the number of element-wise operations. */
		int operations() {
			return code.length;
		}
	}
}
