"""Under DDP (2 CPU processes, gloo) the rank-0 file describes the global batch: its figures equal
those of one process training on the concatenated batch."""
import gc
import os
import socket
import sys
import time
from datetime import timedelta

import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn

from activationlab_probe import ActivationLabProbe
from helpers import read_jsonl, xor_data

STEPS = 4
EVERY = 2
PER_RANK = 16


def model_and_data():
  torch.manual_seed(0)
  model = nn.Sequential(nn.Linear(2, 8), nn.Sigmoid(), nn.Linear(8, 8), nn.ReLU(),
                        nn.Linear(8, 1))
  model = model.double()
  with torch.no_grad():
    model[2].bias[0] = -50.0  # a dead ReLU unit, dead on both ranks' batches
  x, y = xor_data(2 * PER_RANK * STEPS)
  return model, x, y


def train(model, probe, x, y, rank, n):
  """STEPS steps on global batches of 2 * PER_RANK samples, of which this process takes the
  rank-th n."""
  opt = torch.optim.SGD(model.parameters(), lr=0.5)
  for s in range(STEPS):
    xb, yb = x[s * 2 * PER_RANK:(s + 1) * 2 * PER_RANK], y[s * 2 * PER_RANK:(s + 1) * 2 * PER_RANK]
    xb, yb = xb[rank * n:(rank + 1) * n], yb[rank * n:(rank + 1) * n]
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
    loss.backward()
    opt.step()
    probe.step(loss)
  probe.close()


def worker(rank, world, port, path):
  sys.path[:0] = [os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                  os.path.dirname(os.path.abspath(__file__))]
  os.environ["MASTER_ADDR"] = "127.0.0.1"
  os.environ["MASTER_PORT"] = str(port)
  torch.set_num_threads(1)
  dist.init_process_group("gloo", rank=rank, world_size=world, timeout=timedelta(seconds=120))
  model, x, y = model_and_data()
  ddp = nn.parallel.DistributedDataParallel(model)
  probe = ActivationLabProbe(ddp, path if rank == 0 else path + ".rank1", every=EVERY)
  train(ddp, probe, x, y, rank, PER_RANK)
  # tear down together: a gloo group destroyed (by DDP's reducer) after its peer has exited can
  # hang in torch 1.13
  dist.barrier()
  del ddp, probe
  gc.collect()
  dist.barrier()
  dist.destroy_process_group()


def free_port():
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    return s.getsockname()[1]


def numbers(obj, prefix=""):
  """Every leaf of a record, by its path."""
  if isinstance(obj, dict):
    for k, v in obj.items():
      yield from numbers(v, prefix + "." + k)
  elif isinstance(obj, list):
    for i, v in enumerate(obj):
      yield from numbers(v, "%s[%d]" % (prefix, i))
  else:
    yield prefix, obj


def test_rank0_file_equals_a_single_process_on_the_global_batch(tmp_path):
  path = str(tmp_path / "ddp.jsonl")
  workers = mp.spawn(worker, args=(2, free_port(), path), nprocs=2, join=False)
  deadline = time.monotonic() + 300
  while not workers.join(timeout=5):  # raises if a worker failed
    if time.monotonic() > deadline:
      for process in workers.processes:
        process.kill()
      pytest.fail("the 2 DDP workers did not finish within 300 s")
  assert not os.path.exists(path + ".rank1")  # only rank 0 writes

  model, x, y = model_and_data()
  single = str(tmp_path / "single.jsonl")
  train(model, ActivationLabProbe(model, single, every=EVERY), x, y, rank=0, n=2 * PER_RANK)

  ddp_lines, single_lines = read_jsonl(path), read_jsonl(single)
  assert ddp_lines[0]["meta"]["worldSize"] == 2 and single_lines[0]["meta"]["worldSize"] == 1
  assert ddp_lines[0]["layers"] == single_lines[0]["layers"]
  assert [r.get("step") for r in ddp_lines[1:]] == [0, 2, 4, None]
  assert ddp_lines[2]["layers"][1]["dead"][0] is True
  for got, want in zip(ddp_lines[1:], single_lines[1:]):
    got_leaves, want_leaves = dict(numbers(got)), dict(numbers(want))
    assert got_leaves.keys() == want_leaves.keys()
    for key, value in want_leaves.items():
      if isinstance(value, float):
        assert got_leaves[key] == pytest.approx(value, rel=1e-9, abs=1e-15), key
      else:
        assert got_leaves[key] == value, key
