#!/usr/bin/env python
"""The numbers of issue 15's table, re-measured: cell sizes of the notebooks' exported code, definitions per cell,
where the first picture sits, and two counts over the package (private names imported across its modules, and
private validator copies). Works for any nbdev project.

Usage: python tools/nb_stats.py [NBS_FOLDER [PACKAGE_FOLDER]]   (defaults: nbs, and the `lib_path` next to it: loope_nb)

- export cells: the code cells marked `#| export` / `#| exporti` / `#| exports`;
- lines: lines of code in a cell, directives and blank lines excluded;
- definitions: top-level def / class / assignment to an UPPER_CASE name (`@patch` methods count as defs);
- first picture: the index (from 0) of the first cell with an image output, out of the notebook's cells;
- private imports: `from .x import _y` / `from loope_nb.x import _y` anywhere in the package (one per name imported);
- validator copies: `def _check_*` and `def _as_grid` anywhere in the package (the public checks live in `checks`)."""
import ast, json, re, statistics, sys
from pathlib import Path

_EXPORT = re.compile(r'^\s*#\|\s*export(i|s)?\b')
_VALIDATOR = re.compile(r'^_check_|^_as_grid$')

def export_cells(nb):
    "The code cells of notebook `nb` (a dict) that nbdev exports."
    return [c for c in nb['cells'] if c['cell_type'] == 'code' and any(_EXPORT.match(l) for l in ''.join(c['source']).splitlines())]

def code_lines(src):
    "Lines of `src` that are code: neither blank nor a `#|` directive."
    return [l for l in src.splitlines() if l.strip() and not l.lstrip().startswith('#|')]

def definitions(src):
    "Top-level definitions in `src`: def, class, and assignments to UPPER_CASE names."
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
    "Index of the first cell of `nb` with a PNG or SVG output, or None."
    for i, c in enumerate(nb['cells']):
        if any('image/png' in o.get('data', {}) or 'image/svg+xml' in o.get('data', {}) for o in c.get('outputs', [])): return i
    return None

def package_counts(pkg):
    "(private names imported across modules, validator-like private functions) in the `.py` files of folder `pkg`."
    imports, validators, name = [], [], Path(pkg).name
    for f in sorted(Path(pkg).glob('*.py')):
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or '').split('.')[0] == name):
                imports += [f'{f.stem}: from {"." * node.level}{node.module or ""} import {a.name}' for a in node.names if a.name.startswith('_')]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _VALIDATOR.match(node.name):
                validators.append(f'{f.stem}.{node.name}')
    return imports, validators

def summary(sizes, defs):
    "The table's numbers for export-cell `sizes` (lines) and `defs` (definitions per cell)."
    q = statistics.quantiles(sizes, n=10) if len(sizes) > 1 else sizes * 9
    return dict(cells=len(sizes), median=statistics.median(sizes), p90=q[-1], max=max(sizes),
                over30=sum(s > 30 for s in sizes), over50=sum(s > 50 for s in sizes),
                defs=statistics.mean(defs), defs3=sum(d >= 3 for d in defs))

def main(folder='nbs', pkg=None):
    folder = Path(folder)
    pkg = Path(pkg) if pkg else folder.parent/'loope_nb'
    sizes, defs, rows = [], [], []
    for f in sorted(folder.glob('[0-9]*.ipynb')):
        nb = json.loads(f.read_text())
        cells = export_cells(nb)
        s = [len(code_lines(''.join(c['source']))) for c in cells]
        d = [definitions(''.join(c['source'])) for c in cells]
        sizes += s; defs += d
        rows.append((f.name, len(nb['cells']), first_picture(nb), summary(s, d) if s else None))
    t = summary(sizes, defs)
    print(f"export cells: {t['cells']} in {len(rows)} notebooks")
    print(f"lines per export cell, median / 90th pct / max: {t['median']:.0f} / {t['p90']:.0f} / {t['max']}")
    print(f"export cells over 30 lines: {100 * t['over30'] / t['cells']:.1f}% ({t['over50']} over 50)")
    print(f"definitions per cell: {t['defs']:.2f} ({t['defs3']} cells hold 3+)")
    for name, n, p, _ in rows:
        if name in ('00_orders.ipynb', '03_pos_embed.ipynb'): print(f"first picture in {name}: cell {p if p is not None else '-'} of {n}")
    if pkg.is_dir():
        imports, validators = package_counts(pkg)
        print(f"private names imported across {pkg.name} modules: {len(imports)}", *imports, sep='\n  ')
        print(f"validator-like private functions (def _check_* / _as_grid): {len(validators)}", *validators, sep='\n  ')
    print("\nnotebook                cells  export  median  p90  max  >30  >50  defs/cell  3+  first_picture")
    for name, n, p, s in rows:
        pic = f"{p}/{n}" if p is not None else f"-/{n}"
        if s is None: print(f"{name:<23} {n:>5} {0:>7}{'':>43}  {pic}"); continue
        print(f"{name:<23} {n:>5} {s['cells']:>7} {s['median']:>7.0f} {s['p90']:>4.0f} {s['max']:>4} {s['over30']:>4} "
              f"{s['over50']:>4} {s['defs']:>10.2f} {s['defs3']:>3}  {pic}")

if __name__ == '__main__': main(*sys.argv[1:])
