"""Independent computations the probe's figures are checked against (no probe code used)."""
import json

import torch
from torch import nn


def read_jsonl(path):
  with open(path, encoding="utf-8") as f:
    return [json.loads(line) for line in f]


def records(path):
  return [r for r in read_jsonl(path)[1:] if "step" in r]


def per_sample_mean_abs_delta(model, x, y, loss_fn, layer_types=(nn.Linear, nn.Conv2d)):
  """Per recorded layer, per unit: the mean over samples (and positions) of |d l_b / d z|, from
  each sample's own loss l_b (reduction='none') and autograd.grad, one sample at a time."""
  zs = []
  hooks = [m.register_forward_hook(lambda m, i, o: zs.append(o))
           for m in model.modules() if isinstance(m, layer_types)]
  out = model(x)
  for h in hooks:
    h.remove()
  losses = loss_fn(out, y)
  losses = losses.reshape(losses.shape[0], -1).sum(1)
  sums = [torch.zeros(z.shape[1] if z.dim() == 4 else z.shape[-1], dtype=torch.float64) for z in zs]
  for b in range(x.shape[0]):
    grads = torch.autograd.grad(losses[b], zs, retain_graph=True)
    for l, g in enumerate(grads):
      g = g[b].to(torch.float64).abs()  # sample b's own error (the others' rows are 0)
      sums[l] += g.reshape(g.shape[0], -1).mean(1) if g.dim() == 3 else g
  return [s / x.shape[0] for s in sums]


def sigmoid_mlp(widths, seed=0, dtype=torch.float64):
  torch.manual_seed(seed)
  layers = []
  for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1]))
    if i < len(widths) - 2:
      layers.append(nn.Sigmoid())
  return nn.Sequential(*layers).to(dtype)


def xor_data(n, seed=1, dtype=torch.float64):
  g = torch.Generator().manual_seed(seed)
  x = torch.randn(n, 2, generator=g, dtype=dtype)
  y = ((x[:, 0] * x[:, 1]) > 0).to(dtype)[:, None]
  return x, y
