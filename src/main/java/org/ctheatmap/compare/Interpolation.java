package org.ctheatmap.compare;

/** Rule by which a resampler reads values between voxel centres. */
public enum Interpolation {

	/**
	 * Trilinear (bilinear for one slice): exact for values that vary linearly
	 * in patient space. For CT values.
	 */
	LINEAR,

	/**
	 * Value of the nearest voxel centre, halves rounded up: keeps label maps'
	 * whole-number labels and never mixes two labels.
	 */
	NEAREST
}
