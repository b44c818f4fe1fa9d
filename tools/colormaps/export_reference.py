#!/usr/bin/python3
"""Write the test reference tables in src/test/resources/org/ctheatmap/lut/.

Run with Debian 12's python3-matplotlib (matplotlib 3.6.3):
    /usr/bin/python3 tools/colormaps/export_reference.py

These tables come from calling the registered colormaps, not from the data
literals that export_tables.py copies, so the tests compare two routes:
    floats: matplotlib.colormaps[name](np.arange(256))
    8-bit:  matplotlib.colormaps[name](np.arange(256), bytes=True)
In matplotlib 3.6.3, bytes=True truncates (lut * 255) toward zero.
"""

import pathlib
import sys

import matplotlib
import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/org/ctheatmap/lut"
NAMES = ["viridis", "inferno", "magma", "plasma", "cividis", "turbo", "coolwarm", "RdBu", "hot",
         "jet"]


def main():
    if matplotlib.__version__ != "3.6.3":
        sys.exit("expected matplotlib 3.6.3, found " + matplotlib.__version__)
    for name in NAMES:
        cmap = matplotlib.colormaps[name]
        floats = cmap(np.arange(256))
        bytes8 = cmap(np.arange(256), bytes=True)
        path = OUT / ("reference-%s.txt" % name)
        with open(path, "w", encoding="utf-8") as out:
            out.write("# %s: matplotlib %s, numpy %s; colormaps['%s'](np.arange(256)) and the"
                      " same with bytes=True\n" % (name, matplotlib.__version__,
                                                   np.__version__, name))
            out.write("# index red green blue red8 green8 blue8\n")
            for i in range(256):
                out.write("%d %r %r %r %d %d %d\n" % (
                    i, float(floats[i, 0]), float(floats[i, 1]), float(floats[i, 2]),
                    bytes8[i, 0], bytes8[i, 1], bytes8[i, 2]))
        print("wrote", path)


if __name__ == "__main__":
    main()
