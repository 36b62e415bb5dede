"""Seed spread of the Three-Cell benchmark: train runs the way `loope-bench` does, recording a learning curve per run.

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

from loope_nb.bench import bench_configs, bench_dls
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
    start = time.perf_counter()
    set_seed(config.seed)
    dls = bench_dls(config, 'cpu')
    learn = vit_learner(dls, pe=config.pe, arch=config.arch, patch_size=config.patch, lr=config.lr, progress=False,
                        pe_lr_mult=config.pe_lr_mult, telemetry=True, **model_kw)
    total = config.epochs * len(dls.train)
    curve_cb = CurveCallback(total)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', UserWarning)
        learn.fit_one_cycle(config.epochs, pct_start=pct_start, cbs=[curve_cb])
    seconds = time.perf_counter() - start
    final = dict(zip(learn.recorder.metric_names[1:], learn.recorder.log[1:]))  # fastai's own last-epoch metrics
    row = dict(pe=config.pe, seed=config.seed, images=total * config.bs, epochs=config.epochs, bs=config.bs, lr=config.lr,
               pct_start=pct_start, arch=config.arch, size=config.size, patch=config.patch,
               model_kw=json.dumps(model_kw, sort_keys=True), params=sum(p.numel() for p in learn.model.parameters()),
               chance=constant_score(dls.valid_ds.y, 'paper'), fastai_final_score=float(final['three_cell_score']),
               seconds=seconds, eval_seconds=curve_cb.eval_seconds, train_seconds=seconds - curve_cb.eval_seconds,
               diverged=bool(getattr(learn, 'diverged', False)))
    for k, p in enumerate(curve_cb.curve, 1):
        row[f'images_{k:02d}'], row[f'score_{k:02d}'] = p['images'], p['score']
    for g in GROUPS: row[f'final_{g}'] = curve_cb.curve[-1][g] if curve_cb.curve else float('nan')
    row['curve'] = json.dumps([{k: (round(v, 4) if isinstance(v, float) else v) for k, v in p.items()} for p in curve_cb.curve])
    return row


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('label', help='name of this recipe in the CSV')
    p.add_argument('--pes', nargs='+', required=True)
    p.add_argument('--seeds', nargs='+', type=int, default=list(range(8)))
    for name, kind in [('images', int), ('epochs', int), ('bs', int), ('lr', float), ('arch', str), ('size', int)]:
        p.add_argument(f'--{name}', type=kind, default=None, help="default: BENCH_DEFAULTS['three_cell']")
    p.add_argument('--pct-start', type=float, default=0.25, help="one-cycle warm-up share (fastai's default 0.25, as loope-bench)")
    p.add_argument('--embed-dim', type=int); p.add_argument('--depth', type=int); p.add_argument('--heads', type=int)
    p.add_argument('--out', default='nbs/measured/seed_spread_study/runs.csv')
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    model_kw = {k: v for k, v in dict(embed_dim=a.embed_dim, depth=a.depth, num_heads=a.heads).items() if v is not None}
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
        new = not out.exists()
        with open(out, 'a', newline='') as f:
            w = csv.DictWriter(f, fieldnames=list(row))
            if new: w.writeheader()
            w.writerow(row)
        curve = ' '.join(f"{100 * row['score_%02d' % k]:.0f}" for k in range(1, POINTS + 1))
        print(f"{a.label} {c.pe:22s} seed {c.seed}: final {100 * row['score_10']:.1f} (fastai {100 * row['fastai_final_score']:.1f})"
              f"  curve {curve}"
              f"  {row['seconds']:.1f}s (eval {row['eval_seconds']:.1f}s)", flush=True)


if __name__ == '__main__':
    main()
