"""The probe's file read by Activation Lab's `report` (skipped unless ACTIVATION_LAB_JAR names the
built jar): the report's ratio of the first to the last hidden layer's mean |delta| at a step must
equal the one computed here from torch's own per-sample gradients."""
import copy
import json
import os
import subprocess

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from activationlab_probe import ActivationLabProbe
from helpers import per_sample_mean_abs_delta, sigmoid_mlp, xor_data

JAR = os.environ.get("ACTIVATION_LAB_JAR")
STEPS = 50
EVERY = 10
AT = 30
BATCH = 32

pytestmark = pytest.mark.skipif(not JAR, reason="ACTIVATION_LAB_JAR is not set")


def test_report_reads_the_vanishing_gradient_ratio_of_a_deep_sigmoid_mlp(tmp_path):
  # float64, so the probe's B * dL/dz and the per-sample autograd.grad agree to ~1e-15: the
  # tolerance 1e-6 then checks the file and the report, not float32 rounding
  model = sigmoid_mlp([2] + [16] * 6 + [1], seed=7)
  x, y = xor_data(BATCH * STEPS, seed=8)
  path = tmp_path / "run.jsonl"
  opt = torch.optim.SGD(model.parameters(), lr=0.5)
  expected = None
  with ActivationLabProbe(model, path, every=EVERY) as probe:
    for s in range(1, STEPS + 1):
      xb, yb = x[(s - 1) * BATCH:s * BATCH], y[(s - 1) * BATCH:s * BATCH]
      if s == AT:  # step AT's record: its batch, the weights before its update
        deltas = per_sample_mean_abs_delta(
            copy.deepcopy(model), xb, yb,
            lambda o, t: F.binary_cross_entropy_with_logits(o, t, reduction="none"))
        expected = float(deltas[0].mean() / deltas[-2].mean())  # first / last hidden layer
      opt.zero_grad()
      loss = F.binary_cross_entropy_with_logits(model(xb), yb)
      loss.backward()
      opt.step()
      probe.step(loss)
  result = subprocess.run(["java", "-jar", JAR, "report", "--run", str(path), "--step", str(AT),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
  assert result.returncode == 0, result.stderr
  report = json.loads(result.stdout)
  assert report["step"] == AT
  hidden = [l for l in report["layers"] if l["kind"] == "hidden"]
  assert [l["index"] for l in hidden] == list(range(1, 7))
  assert [l["width"] for l in hidden] == [16] * 6
  assert all(l["activation"] == "sigmoid" for l in hidden)
  ratio = hidden[0]["gradMeanAbs"] / hidden[-1]["gradMeanAbs"]
  assert ratio == pytest.approx(expected, rel=1e-6)
  assert ratio < 1  # gradients vanish towards the input through six sigmoid layers
