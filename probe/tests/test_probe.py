import copy
import json
import math
import tracemalloc

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from activationlab_probe import ActivationLabProbe
from helpers import per_sample_mean_abs_delta, read_jsonl, records, sigmoid_mlp, xor_data

BCE = nn.BCEWithLogitsLoss()


def bce_none(out, y):
  return F.binary_cross_entropy_with_logits(out, y, reduction="none")


def train(model, probe, x, y, steps, lr=0.5, loss_fn=BCE, batch=None):
  opt = torch.optim.SGD(model.parameters(), lr=lr)
  for s in range(steps):
    xb, yb = (x, y) if batch is None else (x[s * batch:(s + 1) * batch], y[s * batch:(s + 1) * batch])
    opt.zero_grad()
    loss = loss_fn(model(xb), yb)
    loss.backward()
    opt.step()
    probe.step(loss)


def test_mean_abs_delta_equals_per_sample_gradients(tmp_path):
  model = sigmoid_mlp([2, 8, 8, 8, 1])
  x, y = xor_data(32)
  expected = per_sample_mean_abs_delta(copy.deepcopy(model), x, y, bce_none)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1)
  train(model, probe, x, y, 1)
  probe.close()
  step0 = records(tmp_path / "r.jsonl")[0]
  assert step0["step"] == 0
  for layer, want in zip(step0["layers"], expected):
    assert layer["neuronGradMeanAbs"] == pytest.approx(want.tolist(), rel=1e-12, abs=0)
    assert layer["gradMeanAbs"] == pytest.approx(float(want.mean()), rel=1e-12)
  # and the mean over the batch of |delta| is never below |dL/db| (formats.md)
  assert step0["layers"][0]["neuronGradMeanAbs"][0] >= abs(float(model[0].bias.grad[0])) * 0.999


def test_reduction_sum_takes_the_gradient_as_it_is(tmp_path):
  model = sigmoid_mlp([2, 4, 1])
  x, y = xor_data(16)
  expected = per_sample_mean_abs_delta(copy.deepcopy(model), x, y, bce_none)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1, reduction="sum")
  train(model, probe, x, y, 1, loss_fn=nn.BCEWithLogitsLoss(reduction="sum"))
  probe.close()
  got = records(tmp_path / "r.jsonl")[0]["layers"][0]["neuronGradMeanAbs"]
  assert got == pytest.approx(expected[0].tolist(), rel=1e-12)


def test_grad_weight_rms_and_update_ratio(tmp_path):
  model = sigmoid_mlp([2, 8, 8, 1])
  x, y = xor_data(32)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=2)
  opt = torch.optim.SGD(model.parameters(), lr=0.3, momentum=0.9)
  seen = {}
  for s in range(1, 5):
    before = [model[i].weight.detach().clone() for i in (0, 2, 4)]
    opt.zero_grad()
    loss = BCE(model(x), y)
    loss.backward()
    grads = [model[i].weight.grad.clone() for i in (0, 2, 4)]
    opt.step()
    after = [model[i].weight.detach().clone() for i in (0, 2, 4)]
    seen[s] = (before, grads, after, float(loss))
    probe.step(loss)
  probe.close()
  recs = records(tmp_path / "r.jsonl")
  assert [r["step"] for r in recs] == [0, 2, 4]
  assert all(l["updateRatio"] is None for l in recs[0]["layers"])
  for r in recs[1:]:
    before, grads, after, loss = seen[r["step"]]
    assert r["loss"] == pytest.approx(loss, rel=1e-12)
    for l, layer in enumerate(r["layers"]):
      assert layer["gradWeightRms"] == pytest.approx(float(grads[l].pow(2).mean().sqrt()), rel=1e-12)
      ratio = float((after[l] - before[l]).norm() / before[l].norm())
      assert layer["updateRatio"] == pytest.approx(ratio, rel=1e-12)
      assert layer["updateRatio"] > 0


def relu_net():
  torch.manual_seed(3)
  net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1)).double()
  with torch.no_grad():
    net[0].bias[1] = -100.0  # unit 2 is off for every input of size ~1: dead
  return net


def test_dead_and_inactive_relu_unit(tmp_path):
  net = relu_net()
  x, y = xor_data(64)
  z = net[0](x).detach()
  probe = ActivationLabProbe(net, tmp_path / "r.jsonl", every=1)
  train(net, probe, x, y, 1, lr=0.0)
  probe.close()
  hidden, out = records(tmp_path / "r.jsonl")[0]["layers"]
  assert hidden["dead"] == [bool((z[:, j] <= 0).all()) for j in range(4)]
  assert hidden["dead"][1] is True
  assert hidden["deadFraction"] == pytest.approx(sum(hidden["dead"]) / 4)
  assert hidden["inactiveFraction"] == pytest.approx(float((z <= 0).double().mean()))
  assert hidden["saturatedFraction"] is None  # ReLU switches off, it does not saturate
  assert hidden["neuronGradMeanAbs"][1] == 0.0
  a = torch.relu(z)
  assert hidden["activationMean"] == pytest.approx(float(a.mean()), rel=1e-12)
  assert hidden["activationStd"] == pytest.approx(float(a.std(unbiased=False)), rel=1e-12)
  assert out["deadFraction"] == 0.0 and out["inactiveFraction"] == 0.0
  assert out["saturatedFraction"] is None and out["dead"] == [False]


def test_saturated_sigmoid_layer(tmp_path):
  model = sigmoid_mlp([2, 4, 4, 1])
  with torch.no_grad():
    model[0].weight.zero_()
    model[0].bias.copy_(torch.tensor([12.0, -11.0, 15.0, 0.0]))  # |z| > 10 for units 1-3
  x, y = xor_data(32)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1)
  train(model, probe, x, y, 1, lr=0.0)
  probe.close()
  first = records(tmp_path / "r.jsonl")[0]["layers"][0]
  assert first["saturatedFraction"] == pytest.approx(0.75)
  assert first["deadFraction"] == 0.0  # sigmoid's f' is small, not exactly 0, at |z| ~ 12
  assert first["inactiveFraction"] == 0.0
  assert first["histogram"]["above"] == 2 * 32 and first["histogram"]["below"] == 32


def test_histogram_bins_of_known_pre_activations(tmp_path):
  net = nn.Sequential(nn.Linear(1, 1), nn.Tanh(), nn.Linear(1, 1)).double()
  with torch.no_grad():
    net[0].weight.fill_(1.0)
    net[0].bias.zero_()
  values = [-9.0, -8.0, -7.99, -0.1, 0.0, 0.49, 0.5, 7.9, 8.0, 9.0, 100.0]
  probe_batch = torch.tensor(values, dtype=torch.float64)[:, None]
  x, y = xor_data(8)
  probe = ActivationLabProbe(net, tmp_path / "r.jsonl", every=1, probe_batch=probe_batch,
                             activations=None)
  opt = torch.optim.SGD(net.parameters(), lr=0.0)
  opt.zero_grad()
  loss = BCE(net(x[:, :1]), y)
  loss.backward()
  opt.step()
  probe.step(loss)
  probe.close()
  h = records(tmp_path / "r.jsonl")[0]["layers"][0]["histogram"]
  expected = [0] * 32
  for v in values:
    if -8 <= v <= 8:
      expected[min(int(math.floor((v + 8) * 2)), 31)] += 1
  assert h["counts"] == expected
  assert expected[0] == 2 and expected[15] == 1 and expected[16] == 2 and expected[17] == 1 and expected[31] == 2
  assert (h["below"], h["above"], h["min"], h["max"]) == (1, 2, -8, 8)


def test_every_k_writes_steps_0_k_2k_and_each_line_is_complete_while_running(tmp_path):
  path = tmp_path / "r.jsonl"
  model = sigmoid_mlp([2, 4, 1])
  x, y = xor_data(16)
  probe = ActivationLabProbe(model, path, every=4)
  opt = torch.optim.SGD(model.parameters(), lr=0.1)
  for s in range(1, 11):
    opt.zero_grad()
    loss = BCE(model(x), y)
    loss.backward()
    opt.step()
    probe.step(loss)
    text = path.read_text(encoding="utf-8")  # the file as a reader sees it now
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0]["format"] == "activation-lab/training-stats" and lines[0]["layout"] == "jsonl"
    assert [r["step"] for r in lines[1:]] == [k for k in (0, 4, 8) if k <= s]
  probe.close()
  lines = read_jsonl(path)
  assert lines[-1] == {"end": True, "diverged": False, "divergedAtStep": None}


def test_header_names_types_activations(tmp_path):
  class Net(nn.Module):
    def __init__(self):
      super().__init__()
      self.body = nn.Sequential(nn.Linear(3, 5), nn.LeakyReLU(0.2), nn.Linear(5, 4), nn.ELU(),
                                nn.Linear(4, 4), nn.Dropout(0.0))
      self.fc = nn.Linear(4, 6)
      self.act = nn.Hardtanh(0.0, 2.0)
      self.head = nn.Linear(6, 2)

    def forward(self, x):
      h = F.gelu(self.body(x))
      return self.head(self.act(self.fc(h)))

  net = Net()
  probe = ActivationLabProbe(net, tmp_path / "r.jsonl", every=1, activations={"body.4": "gelu"})
  x = torch.randn(8, 3)
  loss = net(x).pow(2).mean()
  loss.backward()
  probe.step(loss)
  probe.close()
  header = read_jsonl(tmp_path / "r.jsonl")[0]
  assert header["source"] == "pytorch-probe" and header["version"] == 2
  assert header["meta"]["every"] == 1 and header["meta"]["reduction"] == "mean"
  assert header["meta"]["worldSize"] == 1 and header["meta"]["model"] == "Net"
  assert [(l["index"], l["name"], l["kind"], l["type"], l["width"], l["activation"])
          for l in header["layers"]] == [
      (1, "body.0", "hidden", "linear", 5, "leaky_relu:negative_slope=0.2"),
      (2, "body.2", "hidden", "linear", 4, "elu:alpha=1"),
      (3, "body.4", "hidden", "linear", 4, "gelu"),        # from the mapping
      (4, "fc", "hidden", "linear", 6, "hard_tanh:min_val=0,max_val=2"),  # seen in the forward
      (5, "head", "output", "linear", 2, "identity")]
  rec = records(tmp_path / "r.jsonl")[0]["layers"]
  assert rec[0]["saturatedFraction"] is None and rec[3]["saturatedFraction"] is None  # off at 0


def test_conv2d_one_unit_per_channel(tmp_path):
  torch.manual_seed(5)
  net = nn.Sequential(nn.Conv2d(1, 3, 3), nn.Tanh(), nn.Flatten(), nn.Linear(3 * 4 * 4, 2)).double()
  x = torch.randn(6, 1, 6, 6, dtype=torch.float64)
  y = torch.randint(0, 2, (6,))
  expected = per_sample_mean_abs_delta(copy.deepcopy(net), x, y,
                                       lambda o, t: F.cross_entropy(o, t, reduction="none"))
  probe = ActivationLabProbe(net, tmp_path / "r.jsonl", every=1)
  loss = F.cross_entropy(net(x), y)
  loss.backward()
  probe.step(loss)
  probe.close()
  header, rec = read_jsonl(tmp_path / "r.jsonl")[:2]
  assert [(l["type"], l["width"], l["activation"]) for l in header["layers"]] == [
      ("conv2d", 3, "tanh"), ("linear", 2, "identity")]
  conv = rec["layers"][0]
  assert conv["neuronGradMeanAbs"] == pytest.approx(expected[0].tolist(), rel=1e-12)
  assert len(conv["dead"]) == 3
  assert sum(conv["histogram"]["counts"]) + conv["histogram"]["below"] \
      + conv["histogram"]["above"] == 6 * 3 * 4 * 4


def test_probe_batch_measures_dead_units_after_the_step(tmp_path):
  net = relu_net()
  x, y = xor_data(32)
  probe_x = torch.tensor([[0.0, 0.0], [0.5, -0.5]], dtype=torch.float64)
  probe = ActivationLabProbe(net, tmp_path / "r.jsonl", every=1, probe_batch=probe_x)
  train(net, probe, x, y, 2)
  probe.close()
  header, *rest = read_jsonl(tmp_path / "r.jsonl")
  assert header["meta"]["probe"] == "probe batch"
  last = rest[-2]["layers"][0]
  z = net[0](probe_x).detach()  # the network after the last step
  assert last["dead"] == [bool((z[:, j] <= 0).all()) for j in range(4)]
  assert sum(last["histogram"]["counts"]) + last["histogram"]["below"] \
      + last["histogram"]["above"] == 2 * 4


def test_writer_keeps_nothing_as_steps_go_by(tmp_path):
  model = sigmoid_mlp([2, 16, 16, 1], dtype=torch.float32)
  x, y = xor_data(32, dtype=torch.float32)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1)
  train(model, probe, x, y, 20)
  tracemalloc.start()
  train(model, probe, x, y, 50)
  first, _ = tracemalloc.get_traced_memory()
  train(model, probe, x, y, 400)
  second, _ = tracemalloc.get_traced_memory()
  tracemalloc.stop()
  probe.close()
  assert len(records(tmp_path / "r.jsonl")) == 471
  assert second - first < 64 * 1024  # 400 more records (about 1.5 MB of JSON) kept nowhere


def test_divergence_stops_recording_and_ends_the_file(tmp_path):
  model = sigmoid_mlp([2, 4, 1])
  x, y = xor_data(16)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1)
  opt = torch.optim.SGD(model.parameters(), lr=0.1)
  for s in range(1, 6):
    opt.zero_grad()
    loss = BCE(model(x), y)
    loss.backward()
    opt.step()
    probe.step(loss if s < 3 else loss * float("nan"))
  probe.close()
  lines = read_jsonl(tmp_path / "r.jsonl")
  assert [r["step"] for r in lines[1:-1]] == [0, 1, 2]
  assert lines[-1] == {"end": True, "diverged": True, "divergedAtStep": 3}


def test_bad_arguments_say_what_is_wrong(tmp_path):
  with pytest.raises(ValueError, match="every"):
    ActivationLabProbe(sigmoid_mlp([2, 1]), tmp_path / "r.jsonl", every=0)
  with pytest.raises(ValueError, match="no recorded layer: nope"):
    ActivationLabProbe(sigmoid_mlp([2, 3, 1]), tmp_path / "r.jsonl", activations={"nope": "relu"})
  with pytest.raises(ValueError, match="no nn.Linear"):
    ActivationLabProbe(nn.Sequential(nn.ReLU()), tmp_path / "r.jsonl")


def test_a_copy_of_the_model_run_meanwhile_does_not_enter_the_record(tmp_path):
  x, y = xor_data(16)
  files = []
  for run_a_copy in (False, True):
    model = sigmoid_mlp([2, 4, 4, 1])
    path = tmp_path / ("copy%s.jsonl" % run_a_copy)
    probe = ActivationLabProbe(model, path, every=1)
    if run_a_copy:  # deepcopy carries the forward hooks along
      twin = copy.deepcopy(model)
      BCE(twin(x[:4]), y[:4]).backward()
    train(model, probe, x, y, 1)
    probe.close()
    files.append(records(path)[0])
  assert files[0] == files[1]


def test_in_place_activation_gives_the_same_record(tmp_path):
  x, y = xor_data(16)
  got = []
  for inplace in (False, True):
    torch.manual_seed(4)
    net = nn.Sequential(nn.Linear(2, 6), nn.ReLU(inplace=inplace), nn.Linear(6, 1)).double()
    probe = ActivationLabProbe(net, tmp_path / ("i%s.jsonl" % inplace), every=1)
    train(net, probe, x, y, 2)
    probe.close()
    got.append(records(tmp_path / ("i%s.jsonl" % inplace)))
  assert got[0] == got[1]
  assert got[0][0]["layers"][0]["inactiveFraction"] > 0


def test_a_step_without_backward_writes_nulls_not_zeros(tmp_path):
  model = sigmoid_mlp([2, 3, 1])
  x, _ = xor_data(8)
  probe = ActivationLabProbe(model, tmp_path / "r.jsonl", every=1)
  with torch.no_grad():
    model(x)  # an evaluation pass: ignored
  probe.step(0.5, test_loss=0.25, accuracy=0.75)
  probe.close()
  rec = records(tmp_path / "r.jsonl")[0]
  assert (rec["loss"], rec["testLoss"], rec["accuracy"]) == (0.5, 0.25, 0.75)
  layer = rec["layers"][0]
  assert layer["gradMeanAbs"] is None and layer["neuronGradMeanAbs"] is None
  assert layer["gradWeightRms"] is None and layer["activationMean"] is None
  assert layer["dead"] is None and layer["deadFraction"] is None
