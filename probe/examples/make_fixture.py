"""Regenerates src/test/resources/runs/probe-sigmoid-mlp.jsonl: a real (small) PyTorch training
recorded by the probe. A 2-[8]*4-1 sigmoid MLP, binary cross-entropy on XOR-like points, SGD
lr 0.5, mini-batches of 32, 60 steps, every=5, seed 42, float32, with the end line.

  /usr/bin/python3 probe/examples/make_fixture.py [OUT]   (from the repository root)
"""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from activationlab_probe import ActivationLabProbe  # noqa: E402

SEED = 42
STEPS = 60
EVERY = 5
BATCH = 32


def main(out):
  torch.manual_seed(SEED)
  torch.set_num_threads(1)
  layers = []
  widths = [2, 8, 8, 8, 8, 1]
  for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1]))
    if i < len(widths) - 2:
      layers.append(nn.Sigmoid())
  model = nn.Sequential(*layers)
  x = torch.rand(BATCH * STEPS, 2) * 2 - 1
  y = ((x[:, 0] * x[:, 1]) > 0).float()[:, None]
  opt = torch.optim.SGD(model.parameters(), lr=0.5)
  loss_fn = nn.BCEWithLogitsLoss()
  with ActivationLabProbe(model, out, every=EVERY) as probe:
    for s in range(STEPS):
      xb, yb = x[s * BATCH:(s + 1) * BATCH], y[s * BATCH:(s + 1) * BATCH]
      opt.zero_grad()
      loss = loss_fn(model(xb), yb)
      loss.backward()
      opt.step()
      probe.step(loss)


if __name__ == "__main__":
  root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
  main(sys.argv[1] if len(sys.argv) > 1
       else os.path.join(root, "src", "test", "resources", "runs", "probe-sigmoid-mlp.jsonl"))
