#!/usr/bin/python3
"""Write the colour tables in src/main/resources/org/ctheatmap/lut/.

Run with Debian 12's python3-matplotlib (matplotlib 3.6.3):
    /usr/bin/python3 tools/colormaps/export_tables.py

The listed maps are copied from the float literals in matplotlib's
_cm_listed.py. The diverging maps are matplotlib LinearSegmentedColormaps and
are sampled at 256 points by matplotlib's own lookup-table builder. ImageJ's
"fire" table is written by export_fire.jsh.

Every float is written with repr(), the shortest text that parses back to the
same IEEE double, so Java's Double.parseDouble reproduces matplotlib's values
bit for bit.
"""

import pathlib
import sys

import matplotlib
import numpy as np
from matplotlib import _cm, _cm_listed, colors

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/org/ctheatmap/lut"
VERSION = matplotlib.__version__

CC0 = ("CC0 1.0 public-domain dedication by Nathaniel J. Smith, Stefan van der Walt"
       " and (viridis) Eric Firing")
NO_NOTE = ("matplotlib %s states no licence for this table apart from the Matplotlib"
           " License of the whole package" % VERSION)

LISTED = {
    "viridis": CC0,
    "inferno": CC0,
    "magma": CC0,
    "plasma": CC0,
    "cividis": "Nunez, Anderton and Renslow (2018), PLoS ONE 13(7): e0199239; " + NO_NOTE,
    "turbo": ("Anton Mikhailov, Google LLC (2019), published under the Apache License 2.0; "
              + NO_NOTE),
}

SEGMENTED = {
    "coolwarm": ("Kenneth Moreland, CoolWarmFloat33 of 'Diverging Color Maps for Scientific"
                 " Visualization'; " + NO_NOTE),
    "RdBu": ("ColorBrewer 11-class RdBu by Cynthia Brewer, Apache-style licence"
             " (LICENSE_COLORBREWER in matplotlib's source)"),
    "hot": "piecewise-linear black-red-yellow-white map, as in MATLAB; " + NO_NOTE,
    "jet": ("legacy rainbow map, as in MATLAB; not perceptually uniform, kept for"
            " comparison with older figures; " + NO_NOTE),
}


def write(name, source, rows):
    path = OUT / (name + ".txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write("# %s: %s\n" % (name, source))
        out.write("# 256 rows of red green blue, floats in 0..1\n")
        for r, g, b in rows:
            out.write("%r %r %r\n" % (float(r), float(g), float(b)))
    print("wrote", path)


def main():
    if VERSION != "3.6.3":
        sys.exit("expected matplotlib 3.6.3, found " + VERSION)
    for name, licence in LISTED.items():
        data = getattr(_cm_listed, "_%s_data" % name)
        source = "matplotlib %s _cm_listed.py _%s_data; %s" % (VERSION, name, licence)
        write(name, source, data)
    for name, licence in SEGMENTED.items():
        segments = getattr(_cm, "_%s_data" % name)
        if not isinstance(segments, dict):
            segments = colors.LinearSegmentedColormap.from_list(name, segments)._segmentdata
        channels = [colors._create_lookup_table(256, segments[key]) for key in
                    ("red", "green", "blue")]
        source = ("matplotlib %s _cm.py _%s_data sampled at 256 points; %s"
                  % (VERSION, name, licence))
        write(name, source, np.column_stack(channels))


if __name__ == "__main__":
    main()
