#!/usr/bin/env python3
"""Writes the TensorBoard fixtures of Activation Lab's tests (runs.tensorboard).

Trains a tiny MLP (2 -> 8 -> 8 -> 1, sigmoid hidden units, 30 SGD steps on a fixed 2-D binary
task) and logs, at every step after backward() and before the update, with a real
torch.utils.tensorboard.SummaryWriter:

  add_histogram(f"grad/{name}", p.grad, step, max_bins=32)   for every parameter
  add_scalar(f"grad_2.0_norm/{name}", ||p.grad||_2)  Lightning's name for the same thing
  add_scalar("grad_2.0_norm_total", ...)             Lightning's total norm
  add_scalar("loss", loss, step)

to OUT/mlp/ (one event file), and the same values split over two event files in OUT/split/
(histograms and loss in one, the norms in the other, as two writers of one run; the first
SPLIT_STEPS steps only), so a reader has to merge them by step. Next to them, OUT/expected.json
holds the numbers computed from torch directly, in float64 (not read back from the event files):
per step the loss and, per parameter, the RMS of its gradient, sqrt(mean(g^2)), and its 2-norm.

Needs torch and the tensorboard package:
  /usr/bin/python3 -m venv --system-site-packages /tmp/tbvenv && /tmp/tbvenv/bin/pip install tensorboard
  /tmp/tbvenv/bin/python probe/examples/make_tensorboard_fixture.py src/test/resources/runs/tensorboard
"""
import json
import os
import shutil
import sys
import tempfile

import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

STEPS = 30
SPLIT_STEPS = 10
# add_histogram's own option: fewer buckets keep the committed files small (the default spans
# hundreds of log-spaced buckets around gradients this small); sum and sum_squares are exact
MAX_BINS = 32


def let_torch_1_13_histograms_run_on_numpy_1_24():
  """torch 1.13's make_histogram calls np.greater(counts, 0, dtype=np.int32), which numpy 1.24
  refuses (no such loop); later torch versions compare first and cast after. Give its module a
  numpy whose greater does that; every other name is numpy's own, so what is written is unchanged.
  """
  import types
  import numpy as np
  from torch.utils.tensorboard import summary
  try:
    np.greater(np.array([1]), 0, dtype=np.int32)
    return  # this numpy still accepts it
  except TypeError:
    pass

  def greater(a, b, dtype=None, **kw):
    r = np.greater(a, b, **kw)
    return r if dtype is None else r.astype(dtype)

  shim = types.ModuleType("numpy_for_torch_summary")
  shim.__dict__.update(np.__dict__)
  shim.greater = greater
  summary.np = shim


def data(n=64):
  g = torch.Generator().manual_seed(7)
  x = torch.rand(n, 2, generator=g) * 4 - 2
  y = ((x[:, 0] * x[:, 1]) > 0).float().unsqueeze(1)  # XOR-like quadrants
  return x, y


def model():
  torch.manual_seed(3)
  return nn.Sequential(nn.Linear(2, 8), nn.Sigmoid(), nn.Linear(8, 8), nn.Sigmoid(),
                       nn.Linear(8, 1))


def only_event_file(directory):
  files = [f for f in os.listdir(directory) if f.startswith("events.out.tfevents")]
  assert len(files) == 1, files
  return os.path.join(directory, files[0])


def main(out):
  let_torch_1_13_histograms_run_on_numpy_1_24()
  tmp = tempfile.mkdtemp()
  writers = {k: SummaryWriter(os.path.join(tmp, k)) for k in ("mlp", "split_a", "split_b")}
  x, y = data()
  net = model()
  loss_fn = nn.BCEWithLogitsLoss()
  opt = torch.optim.SGD(net.parameters(), lr=0.5)
  expected = {"steps": [], "torch": torch.__version__}
  for step in range(STEPS):
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    record = {"step": step, "loss": loss.item(), "params": {}}
    total = 0.0
    # the split files hold the first SPLIT_STEPS steps only: enough to merge, and small
    split = step < SPLIT_STEPS
    histogram_writers = [writers["mlp"]] + ([writers["split_a"]] if split else [])
    norm_writers = [writers["mlp"]] + ([writers["split_b"]] if split else [])
    for name, p in net.named_parameters():
      g = p.grad.detach()
      g64 = g.double()
      rms = g64.pow(2).mean().sqrt().item()
      norm = g64.norm(2).item()
      total += norm * norm
      record["params"][name] = {"rms": rms, "norm": norm}
      for w in histogram_writers:
        w.add_histogram(f"grad/{name}", g, step, max_bins=MAX_BINS)
      for w in norm_writers:
        w.add_scalar(f"grad_2.0_norm/{name}", g.norm(2).item(), step)
    record["normTotal"] = total ** 0.5
    for w in norm_writers:
      w.add_scalar("grad_2.0_norm_total", record["normTotal"], step)
    for w in histogram_writers:
      w.add_scalar("loss", loss.item(), step)
    expected["steps"].append(record)
    opt.step()
  for w in writers.values():
    w.close()

  # stable names: the writer puts the time, host and pid into them
  os.makedirs(os.path.join(out, "mlp"), exist_ok=True)
  os.makedirs(os.path.join(out, "split"), exist_ok=True)
  shutil.copy(only_event_file(os.path.join(tmp, "mlp")),
              os.path.join(out, "mlp", "events.out.tfevents.1700000000.fixture.mlp"))
  shutil.copy(only_event_file(os.path.join(tmp, "split_a")),
              os.path.join(out, "split", "events.out.tfevents.1700000000.fixture.a"))
  shutil.copy(only_event_file(os.path.join(tmp, "split_b")),
              os.path.join(out, "split", "events.out.tfevents.1700000001.fixture.b"))
  with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
  shutil.rmtree(tmp)


if __name__ == "__main__":
  main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/runs/tensorboard")
