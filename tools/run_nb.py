#!/usr/bin/env python
"""Run a notebook top to bottom and save its outputs, skipping the cells flagged `slow`/`cuda`/`notest`/`fashion_mnist`
(what `nbdev-test` skips), e.g. to refresh the results page after new runs: `python tools/run_nb.py nbs/results.ipynb`.
Run it from the notebook's folder's parent; the notebook runs in its own folder, as nbdev-test runs it."""
import os, re, sys
from pathlib import Path
from execnb.shell import read_nb, write_nb  # execnb 0.3: the notebook I/O lives in execnb.shell
from execnb.shell import CaptureShell

_SKIP = re.compile(r'^\s*#\|\s*(slow|cuda|notest|fashion_mnist|eval:\s*false)\b', re.M)

def run_nb(path):
    path = Path(path).absolute()
    nb = read_nb(path)
    os.chdir(path.parent)
    shell = CaptureShell()
    shell.run_all(nb, exc_stop=True, preproc=lambda c: c.cell_type != 'code' or bool(_SKIP.search(c.source)))
    write_nb(nb, path)

if __name__ == '__main__': run_nb(sys.argv[1])
