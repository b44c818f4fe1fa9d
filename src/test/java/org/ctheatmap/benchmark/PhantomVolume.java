package org.ctheatmap.benchmark;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ctheatmap.core.filter.FloatVolume;

/**
 * A CT-like float volume in HU for timing: air around an elliptic body of
 * soft tissue (40 HU) with two lungs (-850 HU), a spine-like bone cylinder
 * (700 HU) and Gaussian noise of 20 HU standard deviation.
 */
final class PhantomVolume {

	private PhantomVolume() {}

	static FloatVolume generate(int w, int h, int d, long seed) {
		FloatVolume v = FloatVolume.allocate(w, h, d);
		IntStream.range(0, d).parallel().forEach(z -> {
			SplittableRandom random = new SplittableRandom(seed * 1_000_003L + z);
			float[] slice = v.slices()[z];
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					double u = (x - w / 2.0) / (0.45 * w);
					double t = (y - h / 2.0) / (0.35 * h);
					double hu = -1000;
					if (u * u + t * t <= 1) {
						hu = 40;
						double rightLung = ellipse(u, t, -0.45, -0.1, 0.3, 0.5);
						double leftLung = ellipse(u, t, 0.45, -0.1, 0.3, 0.5);
						if (Math.min(rightLung, leftLung) <= 1) hu = -850;
						if (ellipse(u, t, 0, 0.6, 0.12, 0.18) <= 1) hu = 700;
					}
					slice[y * w + x] = (float) (hu + 20 * gaussian(random));
				}
			}
		});
		return v;
	}

	private static double ellipse(double u, double t, double cu, double ct, double ru, double rt) {
		double a = (u - cu) / ru;
		double b = (t - ct) / rt;
		return a * a + b * b;
	}

	/** Box-Muller standard normal sample. */
	private static double gaussian(SplittableRandom random) {
		double r = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
		return r * Math.cos(2 * Math.PI * random.nextDouble());
	}
}
