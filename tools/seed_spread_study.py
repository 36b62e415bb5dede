"""Seed spread of the Three-Cell benchmark: train runs the way `loope-bench` does, recording a learning curve per run.

python tools/seed_spread_study.py summarise [--out nbs/measured/seed_spread_study/runs.csv]   (summary.md and curves.png beside it)
python tools/seed_spread_study.py LABEL --pes none sincos2d --seeds 0 1 2 3 4 5 6 7 [--images N --epochs E --bs B --lr LR
       --pct-start P --arch A --embed-dim D --depth L --heads H --size S] [--out nbs/measured/seed_spread_study/runs.csv]

One run = `loope_nb.bench.bench_configs` -> `bench_dls` (a stream of fresh images, the fixed validation set of the seed)
-> `set_seed(seed)` -> `vit_learner(..., telemetry=True)` -> `fit_one_cycle(epochs)`, as `loope_nb.bench.train_run`
does, on one CPU thread. A callback scores the whole validation set (the authors' validator score and its four group
accuracies) at 10 evenly spaced points of the training images seen, the last at the end of training. Each finished
run appends one row to the CSV; runs already there (same label, PE, seed) are skipped, so the command resumes.
"""
import argparse, csv, json, time, warnings
from pathlib import Path

import torch
from fastai.callback.core import Callback
from fastai.torch_core import set_seed

from loope_nb.bench import bench_configs, bench_dls, mean_interval
from loope_nb.train import vit_learner
from loope_nb.three_cell import three_cell_score, group_accuracy, constant_score, THREE_CELL_GROUPS

POINTS = 10  # curve points, evenly spaced in training steps, the last at the end
GROUPS = list(THREE_CELL_GROUPS)


class CurveCallback(Callback):
    "Score the fixed validation set every `total / POINTS` training steps (model in eval mode, no gradients)."
    order = 5  # after TrainEvalCallback (-10) has counted the step in `train_iter`
    def __init__(self, total_steps: int):
        self.marks = {round(total_steps * k / POINTS) for k in range(1, POINTS + 1)}
        self.curve, self.eval_seconds = [], 0.
    def after_batch(self):
        if not self.training or self.train_iter not in self.marks: return
        start = time.perf_counter()
        ds = self.dls.valid_ds
        self.model.eval()
        with torch.no_grad(): out = self.model(ds.x)                    # (n_valid, 6) logits, one forward
        self.model.train()
        self.curve.append(dict(step=self.train_iter, images=self.train_iter * self.dls.train.bs,
                               score=float(three_cell_score(out, ds.y)),
                               **{g: float(group_accuracy(out, ds.y, g)) for g in GROUPS}))
        self.eval_seconds += time.perf_counter() - start


def one_run(config, pct_start: float, model_kw: dict) -> dict:
    "Train one run configuration as `train_run` does, with the curve callback; its row."
    start, cpu_start = time.perf_counter(), time.process_time()
    set_seed(config.seed)
    dls = bench_dls(config, 'cpu')
    learn = vit_learner(dls, pe=config.pe, arch=config.arch, patch_size=config.patch, lr=config.lr, progress=False,
                        pe_lr_mult=config.pe_lr_mult, telemetry=True, **model_kw)
    total = config.epochs * len(dls.train)
    curve_cb = CurveCallback(total)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', UserWarning)
        learn.fit_one_cycle(config.epochs, pct_start=pct_start, cbs=[curve_cb])
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    final = dict(zip(learn.recorder.metric_names[1:], learn.recorder.log[1:]))  # fastai's own last-epoch metrics
    row = dict(pe=config.pe, seed=config.seed, images=total * config.bs, epochs=config.epochs, bs=config.bs, lr=config.lr,
               pct_start=pct_start, arch=config.arch, size=config.size, patch=config.patch,
               model_kw=json.dumps(model_kw, sort_keys=True), params=sum(p.numel() for p in learn.model.parameters()),
               chance=constant_score(dls.valid_ds.y, 'paper'), fastai_final_score=float(final['three_cell_score']),
               seconds=seconds, cpu_seconds=cpu_seconds, eval_seconds=curve_cb.eval_seconds, train_seconds=seconds - curve_cb.eval_seconds,
               diverged=bool(getattr(learn, 'diverged', False)))
    for k, p in enumerate(curve_cb.curve, 1):
        row[f'images_{k:02d}'], row[f'score_{k:02d}'] = p['images'], p['score']
    for g in GROUPS: row[f'final_{g}'] = curve_cb.curve[-1][g] if curve_cb.curve else float('nan')
    row['curve'] = json.dumps([{k: (round(v, 4) if isinstance(v, float) else v) for k, v in p.items()} for p in curve_cb.curve])
    return row


def append_row(out: Path, row: dict):
    "Append `row` to the CSV `out`; a row with columns the file lacks rewrites it with the union of the columns."
    header = next(csv.reader(open(out)), []) if out.exists() else []
    if header and not set(row) <= set(header):
        import pandas as pd
        pd.concat([pd.read_csv(out), pd.DataFrame([row])], ignore_index=True).to_csv(out, index=False)
        return
    with open(out, 'a', newline='') as f:
        w = csv.DictWriter(f, fieldnames=header or list(row))
        if not header: w.writeheader()
        w.writerow(row)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('label', help='name of this recipe in the CSV')
    p.add_argument('--pes', nargs='+', required=True)
    p.add_argument('--seeds', nargs='+', type=int, default=list(range(8)))
    for name, kind in [('images', int), ('epochs', int), ('bs', int), ('lr', float), ('arch', str), ('size', int)]:
        p.add_argument(f'--{name}', type=kind, default=None, help="default: BENCH_DEFAULTS['three_cell']")
    p.add_argument('--pct-start', type=float, default=0.25, help="one-cycle warm-up share (fastai's default 0.25, as loope-bench)")
    p.add_argument('--embed-dim', type=int); p.add_argument('--depth', type=int); p.add_argument('--heads', type=int)
    p.add_argument('--model-kw', type=json.loads, default={}, help='other create_vit options as JSON, e.g. \'{"global_pool": "token"}\'')
    p.add_argument('--out', default='nbs/measured/seed_spread_study/runs.csv')
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    model_kw = {k: v for k, v in dict(embed_dim=a.embed_dim, depth=a.depth, num_heads=a.heads).items() if v is not None} | a.model_kw
    configs = bench_configs('three_cell', pes=a.pes, seeds=a.seeds, sizes=a.size and [a.size], arch=a.arch, epochs=a.epochs,
                            bs=a.bs, lr=a.lr, images=a.images)
    configs.sort(key=lambda c: (c.seed, a.pes.index(c.pe) if c.pe in a.pes else 0))  # seed-major: paired runs finish together
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    done = set()
    if out.exists():
        with open(out) as f: done = {(r['label'], r['pe'], int(r['seed'])) for r in csv.DictReader(f)}
    for c in configs:
        if (a.label, c.pe, c.seed) in done: continue
        row = dict(label=a.label, **one_run(c, a.pct_start, model_kw), threads=torch.get_num_threads())
        append_row(out, row)
        curve = ' '.join(f"{100 * row['score_%02d' % k]:.0f}" for k in range(1, POINTS + 1))
        print(f"{a.label} {c.pe:22s} seed {c.seed}: final {100 * row['score_10']:.1f} (fastai {100 * row['fastai_final_score']:.1f})"
              f"  curve {curve}"
              f"  {row['seconds']:.1f}s (eval {row['eval_seconds']:.1f}s)", flush=True)


# ---------------------------------------------------------------- analysis
SUITE_CPU_S = 10 * 60 * 2  # the target: a suite in 10 minutes on 2 cores
SUITE_PES = 6              # PEs of the default suite
THRESHOLD = 0.80           # "images to reach" threshold of the score
LEARNED = 0.90             # a group counts as learned above this accuracy
PAIRS = [('sincos2d', 'none'), ('loope', 'none'), ('sincos_order:gilbert', 'none'),
         ('loope', 'sincos2d'), ('sincos_order:gilbert', 'sincos2d'), ('loope', 'sincos_order:gilbert')]
SHORT = {'sincos_order:gilbert': 'gilbert'}


def t_half_width(values) -> float:
    "Half-width of the 95% t-interval of the mean of `values` (`mean_interval` of 09b_verdicts; NaN under 2 values)."
    _, low, high = mean_interval(values)
    return (high - low) / 2


def paired_runs(d):
    "`(a, b, A, B, seeds)` for each pair of `PAIRS` that `d` (one recipe's runs) has on two seeds or more: runs indexed by seed."
    for a, b in PAIRS:
        A, B = d[d.pe == a].set_index('seed'), d[d.pe == b].set_index('seed')
        seeds = A.index.intersection(B.index)
        if len(seeds) >= 2: yield a, b, A, B, seeds


def seeds_for_half_width(sd: float, target: float = 4.) -> int:
    "Fewest seeds whose 95% t-interval of the mean has half-width <= `target`, for a spread `sd`."
    from scipy import stats
    return next((n for n in range(2, 1000) if stats.t.ppf(0.975, n - 1) * sd / n ** 0.5 <= target), 1000)


def projected_half_width(sd: float, run_seconds: float) -> tuple[int, float]:
    "Seeds of a 6-PE suite that fit `SUITE_CPU_S` at `run_seconds` a run, and the 95% half-width with that many."
    from scipy import stats
    n = int(SUITE_CPU_S // (SUITE_PES * run_seconds))
    return n, (float(stats.t.ppf(0.975, n - 1) * sd / n ** 0.5) if n > 1 else float('nan'))


def add_metrics(df):
    "Per run: final score (the paper's validator score at the end), curve area (mean of the 10 points), images to 80."
    import numpy as np
    scores = df[[f'score_{k:02d}' for k in range(1, POINTS + 1)]].to_numpy()
    images = df[[f'images_{k:02d}' for k in range(1, POINTS + 1)]].to_numpy()
    df['final'] = 100 * scores[:, -1]
    df['area'] = 100 * scores.mean(1)  # area under score vs images seen / images seen (the 10 points are evenly spaced)
    reached = scores >= THRESHOLD
    df['to80'] = np.where(reached.any(1), images[np.arange(len(df)), reached.argmax(1)], np.nan) / 1000
    return df


def config_name(r) -> str:
    kw = json.loads(r['model_kw'])
    extra = ''.join(f" {k}={v}" for k, v in kw.items())
    return (f"{r['images'] // 1000}k img, bs {r['bs']}, lr {r['lr']:g}, warm-up {r['pct_start']:g}, {r['epochs']} ep, "
            f"{r['arch']}{extra}, {r['size']}px")


def summarise(out: Path):
    import numpy as np, pandas as pd
    import matplotlib; matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    df = add_metrics(pd.read_csv(out))
    repeats = [(r.label, r.pe, r.seed, r.curve == df[(df.label == r.label.removeprefix('repeat_')) & (df.pe == r.pe) & (df.seed == r.seed)].curve.iloc[0])
               for r in df[df.label.str.startswith('repeat_')].itertuples()]
    df = df[~df.label.str.startswith('repeat')]
    labels = list(dict.fromkeys(df.label))
    md = [f"## Tables\n\nFrom `{out.name}` ({len(df)} runs). "
          "`final`: the paper's metric, the authors' validator score (mean of the 4 group accuracies, %) at the end of "
          "training. `area`: ours, the mean of the score over the 10 evenly spaced curve points (area under score vs "
          "images seen, divided by the images seen). `to80`: ours, thousands of images seen at the first curve point "
          "scoring >= 80 (censored runs never reach it). 95% CIs are t-intervals over seeds; differences are paired "
          "(same seed: same stream and validation set). `proj. hw`: the 95% half-width a 6-PE suite would get in "
          f"{SUITE_CPU_S} CPU-s (10 min on 2 cores) at this recipe's seconds per run, seeds = that budget / (6 x s/run), "
          "assuming the measured SD.\n"]
    for lab, pe, seed, same in repeats:
        md.append(f"Determinism: {lab.removeprefix('repeat_')} {pe} seed {seed} run twice: {'identical' if same else 'DIFFERENT'} "
                  "curves (score and groups at all 10 points).\n")
    md.append("## Recipes\n\n| label | recipe | parameters | s/run (train + eval) | eval s/run |\n|---|---|---|---:|---:|")
    for lab in labels:
        d = df[df.label == lab]
        params = ', '.join(f"{pe} {int(d[d.pe == pe].params.iloc[0]):,}" for pe in ('none', 'loope') if (d.pe == pe).any())
        md.append(f"| {lab} | {config_name(d.iloc[0])} | {params} | {d.seconds.mean():.1f} | {d.eval_seconds.mean():.1f} |")
    md.append("\n## Per PE: mean ± 95% CI half-width (SD) over seeds\n\n"
              "| label | PE | seeds | final | final SD | area | area SD | to80 (k img), reached | s/run |\n|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for lab in labels:
        d = df[df.label == lab]
        for pe, g in d.groupby('pe', sort=False):
            md.append(f"| {lab} | {pe} | {len(g)} | {g.final.mean():.1f} ± {t_half_width(g.final):.1f} | {g.final.std():.1f} | "
                      f"{g.area.mean():.1f} ± {t_half_width(g.area):.1f} | {g.area.std():.1f} | "
                      f"{g.to80.median():.0f} median, {g.to80.notna().sum()}/{len(g)} | {g.seconds.mean():.1f} |")
    md.append("\n## Paired differences (A − B, same seed): mean ± 95% CI half-width (SD); projected half-width of a 10-minute suite\n\n"
              "`|d|/SD`: the mean difference over its SD (scale-free: a metric that squeezes the scale shrinks the half-width "
              "and the difference alike). `seeds, CPU-min for hw<=4`: seeds needed for a half-width of 4 points at the measured SD, "
              f"and the CPU-minutes of a {SUITE_PES}-PE suite with that many seeds at this recipe's s/run.\n\n"
              "| label | A − B | pairs | final diff | SD | |d|/SD | proj. seeds, hw | seeds, CPU-min for hw<=4 | area diff | SD | |d|/SD | proj. seeds, hw | seeds, CPU-min for hw<=4 |\n"
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for lab in labels:
        d = df[df.label == lab]
        for a, b, A, B, seeds in paired_runs(d):
            cells = []
            for m in ('final', 'area'):
                diff = A.loc[seeds, m] - B.loc[seeds, m]
                n, hw = projected_half_width(diff.std(), d.seconds.mean())
                need = seeds_for_half_width(diff.std())
                cells.append(f"{diff.mean():+.1f} ± {t_half_width(diff):.1f} | {diff.std():.1f} | {abs(diff.mean()) / diff.std():.2f} | "
                             f"{n}, {hw:.1f} | {need}, {need * SUITE_PES * d.seconds.mean() / 60:.0f}")
            md.append(f"| {lab} | {SHORT.get(a, a)} − {SHORT.get(b, b)} | {len(seeds)} | {' | '.join(cells)} |")
    md.append("\n## Paired differences per group (A − B, same seed, group accuracy in points at the end): mean ± 95% CI half-width (SD)\n\n"
              "| label | A − B | pairs | " + ' | '.join(GROUPS) + " |\n|---|---|---:|" + '---:|' * len(GROUPS))
    for lab in labels:
        d = df[df.label == lab]
        for a, b, A, B, seeds in paired_runs(d):
            cells = []
            for g in GROUPS:
                diff = 100 * (A.loc[seeds, f'final_{g}'] - B.loc[seeds, f'final_{g}'])
                cells.append(f"{diff.mean():+.1f} ± {t_half_width(diff):.1f} ({diff.std():.1f})")
            md.append(f"| {lab} | {SHORT.get(a, a)} − {SHORT.get(b, b)} | {len(seeds)} | {' | '.join(cells)} |")
    md.append(f"\n## Seeds that learn each group (group accuracy > {LEARNED:.0%} at the end)\n\n"
              "| label | PE | seeds | " + ' | '.join(GROUPS) + " | final score per seed |\n|---|---|---:|" + '---:|' * len(GROUPS) + '---|')
    for lab in labels:
        d = df[df.label == lab]
        for pe, g in d.groupby('pe', sort=False):
            shares = ' | '.join(f"{(g[f'final_{k}'] > LEARNED).sum()}/{len(g)}" for k in GROUPS)
            per_seed = ' '.join(f"{v:.0f}" for v in g.sort_values('seed').final)
            md.append(f"| {lab} | {pe} | {len(g)} | {shares} | {per_seed} |")
    md.append("\nGroup accuracies (%) at the end, mean over seeds (min–max):\n\n| label | PE | " + ' | '.join(GROUPS) + " |\n|---|---|" + '---|' * len(GROUPS))
    for lab in labels:
        d = df[df.label == lab]
        for pe, g in d.groupby('pe', sort=False):
            md.append(f"| {lab} | {pe} | " + ' | '.join(f"{100 * g[f'final_{k}'].mean():.0f} ({100 * g[f'final_{k}'].min():.0f}–{100 * g[f'final_{k}'].max():.0f})"
                                                    for k in GROUPS) + ' |')
    page, marker = out.parent/'summary.md', '<!-- tables: made by `python tools/seed_spread_study.py summarise`; the text above is kept -->'
    findings = page.read_text().split(marker)[0] if page.exists() and marker in page.read_text() else ''
    page.write_text(findings + marker + '\n\n' + '\n'.join(md) + '\n')
    # the learning curves: one panel per recipe, a faint line per seed, the mean per PE, the chance line
    cols = min(3, len(labels)); rows = -(-len(labels) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.4 * cols, 3.5 * rows), dpi=72, squeeze=False, sharey=True)
    colours = dict(zip(['none', 'sincos2d', 'sincos_order:gilbert', 'loope', 'learned', 'sincos1d'], plt.cm.tab10.colors))
    for ax, lab in zip(axes.flat, labels):
        d = df[df.label == lab]
        x = d[[f'images_{k:02d}' for k in range(1, POINTS + 1)]].iloc[0].to_numpy() / 1000
        for pe, g in d.groupby('pe', sort=False):
            y = 100 * g[[f'score_{k:02d}' for k in range(1, POINTS + 1)]].to_numpy()
            for row in y: ax.plot(x, row, color=colours.get(pe, 'k'), alpha=0.2, lw=0.8)
            ax.plot(x, y.mean(0), color=colours.get(pe, 'k'), lw=2.2, label=f"{SHORT.get(pe, pe)} (n={len(g)})")
        ax.axhline(100 * d.chance.mean(), color='0.4', ls='--', lw=1, label='chance (best constant)')
        ax.set(ylim=(50, 100), xlim=(0, x[-1]), xlabel='training images seen (thousands)', title=f"{lab}\n{config_name(d.iloc[0])}")
        ax.title.set_fontsize(8)
        ax.grid(alpha=0.3)
    for ax in axes[:, 0]: ax.set_ylabel('validator score (%)')
    for ax in axes.flat[len(labels):]: ax.axis('off')
    axes.flat[0].legend(fontsize=7, loc='upper left')
    fig.suptitle('Three-Cell learning curves: a faint line per seed, the mean per PE', fontsize=10)
    fig.tight_layout()
    fig.savefig(out.parent/'curves.png', dpi=72)
    from PIL import Image  # a 64-colour palette keeps the figure small
    Image.open(out.parent/'curves.png').convert('RGB').quantize(64).save(out.parent/'curves.png', optimize=True)
    print((out.parent/'summary.md').read_text())


if __name__ == '__main__':
    import sys
    if sys.argv[1:2] == ['summarise']:
        rest = sys.argv[2:]
        summarise(Path(rest[rest.index('--out') + 1] if '--out' in rest else 'nbs/measured/seed_spread_study/runs.csv'))
    else: main()
