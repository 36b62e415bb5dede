"""One Three-Cell run of the recipe sweep in a plain torch loop (no fastai): fresh batches, AdamW, warm-up then cosine.

python tools/recipe_sweep.py PE IMAGES LR DIM DEPTH POOL GRID [WARMUP]   e.g.  sincos2d 150000 3e-3 64 3 avg 4
Prints one JSON line: the score (%) and the four groups at each quarter of the budget, images/s on one thread.
Used for the sweep recorded in nbs/05b_three_cell_data.ipynb (the recipe of `loope-bench` comes from there)."""
import sys, time, math, json
import torch
from loope_nb.models import create_vit
from loope_nb.three_cell import draw_three_cell, make_three_cell, three_cell_score, group_accuracy, THREE_CELL_GROUPS

def main(pe, images, lr, dim, depth, pool, grid, warm=100, patch=4, bs=128):
    torch.set_num_threads(1); torch.manual_seed(0)
    kw = dict(embed_dim=dim, depth=depth, num_heads=4) | (dict(class_token=False, global_pool='avg') if pool == 'avg' else {})
    model = create_vit('vit_nano', pe, img_size=grid * patch, patch_size=patch, num_classes=6, **kw)
    xv, yv, _ = make_three_cell(1000, grid=(grid, grid), patch=patch, seed=12345)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.05)
    steps = images // bs
    cosine = lambda s: (s + 1) / warm if s < warm else 0.5 * (1 + math.cos(math.pi * (s - warm) / max(1, steps - warm)))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, cosine)
    gen, log, start = torch.Generator().manual_seed(0), [], time.perf_counter()
    for s in range(steps):
        x, y, _ = draw_three_cell(bs, 'paper', (grid, grid), patch, gen)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y)
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step(); sched.step()
        if (s + 1) % (steps // 4) == 0:
            model.eval()
            with torch.no_grad(): out = model(xv)
            model.train()
            log.append(((s + 1) * bs, round(100 * float(three_cell_score(out, yv)), 1),
                        {g: round(100 * float(group_accuracy(out, yv, g)), 1) for g in THREE_CELL_GROUPS}))
    seconds = time.perf_counter() - start
    print(json.dumps(dict(pe=pe, images=images, lr=lr, dim=dim, depth=depth, pool=pool, grid=grid, warm=warm,
                          params=sum(p.numel() for p in model.parameters()), seconds=round(seconds, 1),
                          images_per_s=round(steps * bs / seconds), log=log)), flush=True)

if __name__ == '__main__':
    a = sys.argv[1:]
    main(a[0], int(a[1]), float(a[2]), int(a[3]), int(a[4]), a[5], int(a[6]), *(int(v) for v in a[7:8]))
