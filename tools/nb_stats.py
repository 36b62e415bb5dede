#!/usr/bin/env python
"""Cell-size statistics of the notebooks' exported code (the table of issue 15), for any nbdev project.

Usage: python tools/nb_stats.py [NBS_FOLDER]   (default: nbs)
Counts, over the cells marked `#| export`/`#| exporti`: lines of code (directives and blank lines excluded),
top-level definitions (def / class / assignment to an UPPER_CASE name), and for each notebook the index of the
first cell with an image output."""
import ast, json, re, statistics, sys
from pathlib import Path

_EXPORT = re.compile(r'^\s*#\|\s*export(i|s)?\b')

def export_cells(nb):
    return [c for c in nb['cells'] if c['cell_type'] == 'code' and any(_EXPORT.match(l) for l in ''.join(c['source']).splitlines())]

def code_lines(src):
    return [l for l in src.splitlines() if l.strip() and not l.lstrip().startswith('#|')]

def definitions(src):
    try: tree = ast.parse(src)
    except SyntaxError: return 0
    n = 0
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): n += 1
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            n += any(isinstance(t, ast.Name) and t.id.isupper() for t in targets)
    return n

def first_picture(nb):
    for i, c in enumerate(nb['cells']):
        if any('image/png' in o.get('data', {}) or 'image/svg+xml' in o.get('data', {}) for o in c.get('outputs', [])): return i
    return None

def main(folder='nbs'):
    sizes, defs, rows = [], [], []
    for f in sorted(Path(folder).glob('[0-9]*.ipynb')):
        nb = json.loads(f.read_text())
        cells = export_cells(nb)
        s = [len(code_lines(''.join(c['source']))) for c in cells]
        d = [definitions(''.join(c['source'])) for c in cells]
        sizes += s; defs += d
        rows.append((f.name, len(nb['cells']), len(cells), max(s, default=0), first_picture(nb)))
    q = statistics.quantiles(sizes, n=10)
    print(f"export cells: {len(sizes)}")
    print(f"lines per export cell, median / 90th pct / max: {statistics.median(sizes):.0f} / {q[-1]:.0f} / {max(sizes)}")
    print(f"export cells over 30 lines: {100*sum(s > 30 for s in sizes)/len(sizes):.1f}% ({sum(s > 50 for s in sizes)} over 50)")
    print(f"definitions per cell: {statistics.mean(defs):.2f} ({sum(x >= 3 for x in defs)} cells hold 3+)")
    print("\nnotebook                  cells  export  max_lines  first_picture")
    for name, n, e, m, p in rows: print(f"{name:<25} {n:>5} {e:>7} {m:>10}  {p if p is not None else '-'}")

if __name__ == '__main__': main(*sys.argv[1:])
