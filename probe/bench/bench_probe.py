"""The probe's cost: median CPU time of one training step of a CPU MLP without the probe, with
K = 1 and with K = 50.

784-[256]*4-10 ReLU MLP, float32, batch 128 of random data, cross-entropy, SGD lr 0.01;
torch.set_num_threads(1). Rounds of 50 steps per configuration, interleaved (none, K=1, K=50,
none, ...), after a warm-up round each; a round's time / 50 is one sample (so K = 50's one
recorded step in 50 is in every sample), and the median over the rounds is reported. Time is the
process's CPU time (time.process_time; one thread, so it is the step's compute time), because on
a shared machine wall time mostly measures the neighbours; the slowdown is also given as the
median of the per-round ratios to the same round's run without the probe.

  /usr/bin/python3 probe/bench/bench_probe.py [ROUNDS]
"""
import os
import shutil
import statistics
import sys
import tempfile
import time

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from activationlab_probe import ActivationLabProbe  # noqa: E402

STEPS_PER_ROUND = 50


def make_model():
  torch.manual_seed(0)
  layers, widths = [], [784, 256, 256, 256, 256, 10]
  for i in range(len(widths) - 1):
    layers.append(nn.Linear(widths[i], widths[i + 1]))
    if i < len(widths) - 2:
      layers.append(nn.ReLU())
  return nn.Sequential(*layers)


def main(rounds):
  torch.set_num_threads(1)
  x = torch.randn(128, 784)
  y = torch.randint(0, 10, (128,))
  loss_fn = nn.CrossEntropyLoss()
  tmp = tempfile.mkdtemp()
  setups = {}
  for name, every in (("none", None), ("K=1", 1), ("K=50", 50)):
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    probe = None if every is None else ActivationLabProbe(model, os.path.join(tmp, name + ".jsonl"),
                                                          every=every)
    setups[name] = (model, opt, probe)

  def round_of(name):
    model, opt, probe = setups[name]
    start = time.process_time()
    for _ in range(STEPS_PER_ROUND):
      opt.zero_grad()
      loss = loss_fn(model(x), y)
      loss.backward()
      opt.step()
      if probe is not None:
        probe.step(loss)
    return (time.process_time() - start) / STEPS_PER_ROUND

  for name in setups:  # warm-up
    round_of(name)
  samples = {name: [] for name in setups}
  for _ in range(rounds):
    for name in setups:
      samples[name].append(round_of(name))
  for _, _, probe in setups.values():
    if probe is not None:
      probe.close()
  shutil.rmtree(tmp)
  base = statistics.median(samples["none"])
  print("torch %s, %d thread(s), %d rounds of %d steps each"
        % (torch.__version__, torch.get_num_threads(), rounds, STEPS_PER_ROUND))
  print("CPU time per step; slowdown = median / median without the probe - 1; paired = median of"
        " the per-round ratios - 1")
  for name, times in samples.items():
    med = statistics.median(times)
    paired = statistics.median(t / b for t, b in zip(times, samples["none"]))
    print("%-5s median %.2f ms/step  (min %.2f, max %.2f)  slowdown %+.1f %%  paired %+.1f %%"
          % (name, med * 1e3, min(times) * 1e3, max(times) * 1e3, (med / base - 1) * 100,
             (paired - 1) * 100))


if __name__ == "__main__":
  main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
