package org.ctheatmap.core;

/** First-in first-out queue of ints in a growing ring buffer, for flood fills. */
final class IntQueue {

	private int[] items = new int[1024];
	private int head;
	private int size;

	void add(int value) {
		if (size == items.length) {
			int[] grown = new int[items.length * 2];
			for (int n = 0; n < size; n++) {
				grown[n] = items[(head + n) % items.length];
			}
			items = grown;
			head = 0;
		}
		items[(head + size) % items.length] = value;
		size++;
	}

	/** Removes and returns the oldest value; the queue must not be empty. */
	int poll() {
		if (size == 0) throw new IllegalStateException("The queue is empty");
		int value = items[head];
		head = (head + 1) % items.length;
		size--;
		return value;
	}

	boolean isEmpty() {
		return size == 0;
	}
}
