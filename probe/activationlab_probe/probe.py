"""ActivationLabProbe: per-layer and per-unit gradient statistics of a PyTorch model, written as
Activation Lab's training statistics in JSON Lines (docs/formats.md)."""
import math

import torch
import torch.distributed as dist
from torch import nn

from . import specs
from .writer import JsonLinesWriter, finite_or_none

BINS = 32
HISTOGRAM_MIN = -8.0
HISTOGRAM_MAX = 8.0
SATURATION_LEVEL = 0.05
DIVERGENCE_FACTOR = 1000.0
WEIGHT_LIMIT = 1e6


class _Layer:
  """One recorded module (Linear or Conv2d) and what was captured for the record being made."""

  def __init__(self, index, name, module):
    self.index = index
    self.name = name
    self.module = module
    self.conv = isinstance(module, nn.Conv2d)
    self.width = module.out_channels if self.conv else module.out_features
    self.unit_dim = 1 if self.conv else -1
    self.activation = None          # the module that follows, None: identity
    self.activation_known = False   # set by the mapping or an nn.Sequential
    self.output = False
    self.captures = []              # [z, per-unit sum of |delta|, delta count per unit]
    self.probe_z = []
    self.weight_before = None

  def per_unit(self, t):
    """t reshaped to (units, everything else): units are the last axis of a Linear's output and
    the channel axis of a Conv2d's."""
    return t.movedim(self.unit_dim, 0).reshape(self.width, -1)

  def spec(self):
    return specs.spec_of(self.activation)

  def measurable(self):
    return self.activation is None or specs.is_activation(self.activation)

  def describe(self):
    return {"index": self.index, "name": self.name, "kind": "output" if self.output else "hidden",
            "type": "conv2d" if self.conv else "linear", "width": self.width,
            "activation": self.spec()}


class ActivationLabProbe:
  """Records Activation Lab statistics of a model's Linear (and Conv2d) layers every K steps.

  Call :meth:`step` once after each ``optimizer.step()``; the records of steps 0, K, 2K, ... are
  written to ``path`` as JSON Lines, one flushed line each. See probe/README.md for the exact
  definitions.

  Args:
    model: the model, or its DistributedDataParallel wrapper.
    path: the .jsonl file to write (only rank 0 writes under torch.distributed).
    every: K, record every K-th optimiser step (and step 0).
    reduction: "mean" when the loss is a mean over the batch (PyTorch's default; per-sample
      delta = B * dL/dz, B = the first dimension of z), "sum" when it is a sum (no scaling).
    probe_batch: optional fixed input batch on which dead, inactive and saturated units and the
      histograms are measured after each recorded step (default: the step's own batch).
    activations: optional {layer name: nn.Module or catalog name} for layers whose activation
      is not the next child of an nn.Sequential (e.g. applied with torch.nn.functional).
    conv2d: also record Conv2d layers (one unit per output channel).
  """

  def __init__(self, model, path, every=10, reduction="mean", probe_batch=None, activations=None,
               conv2d=True):
    if int(every) < 1:
      raise ValueError("every must be a positive integer, got %r" % (every,))
    if reduction not in ("mean", "sum"):
      raise ValueError("reduction must be 'mean' or 'sum', got %r" % (reduction,))
    inner = model.module if isinstance(model, nn.parallel.DistributedDataParallel) else model
    self._model = inner
    self._every = int(every)
    self._reduction = reduction
    self._distributed = dist.is_available() and dist.is_initialized()
    self._world = dist.get_world_size() if self._distributed else 1
    self._rank = dist.get_rank() if self._distributed else 0
    kinds = (nn.Linear, nn.Conv2d) if conv2d else (nn.Linear,)
    self._layers = [_Layer(i + 1, name, m) for i, (name, m) in
                    enumerate((n, m) for n, m in inner.named_modules() if isinstance(m, kinds))]
    if not self._layers:
      raise ValueError("the model has no nn.Linear%s layer to record"
                       % (" or nn.Conv2d" if conv2d else ""))
    self._layers[-1].output = True
    self._assign_activations(inner, activations or {})
    self._handles = [layer.module.register_forward_hook(self._forward_hook(layer))
                     for layer in self._layers]
    self._detection = self._start_detection(inner)
    self._steps = 0
    self._armed = True        # capture during this step's forward and backward
    self._keep_weights = self._every == 1
    self._probing = False
    self._probe_batch = probe_batch
    self._stopped = False
    self._diverged_at = None
    self._first_loss = None
    self._closed = False
    self._header_written = False
    self._writer = JsonLinesWriter(path) if self._rank == 0 else None
    self._initial_probe = self._probe_pass() if probe_batch is not None else None

  # ---- public API

  @property
  def steps(self):
    """Optimiser steps counted so far."""
    return self._steps

  def step(self, loss, test_loss=None, accuracy=None):
    """Counts one optimiser step (call after ``optimizer.step()``); writes the record when due.

    ``loss`` is the step's batch loss (a tensor or number), ``test_loss`` and ``accuracy`` are
    written when given.
    """
    if self._closed:
      raise RuntimeError("ActivationLabProbe.step() after close()")
    self._steps += 1
    n = self._steps
    self._stop_detection()
    if not self._stopped:
      if n == 1:
        self._record(0, loss, test_loss, accuracy, self._initial_probe, with_update=False)
        self._initial_probe = None
      if n % self._every == 0 and not self._stopped:
        probe = self._probe_pass() if self._probe_batch is not None else None
        self._record(n, loss, test_loss, accuracy, probe, with_update=True)
    for layer in self._layers:
      layer.captures.clear()
      layer.weight_before = None
    self._armed = not self._stopped and (n + 1) % self._every == 0
    self._keep_weights = self._armed

  def close(self, end=True):
    """Removes the hooks and closes the file, with the end line unless ``end`` is False."""
    if self._closed:
      return
    self._closed = True
    self._stop_detection()
    for h in self._handles:
      h.remove()
    if self._writer is not None:
      if end:
        self._ensure_header()
        self._writer.end(self._diverged_at)
      self._writer.close()

  def __enter__(self):
    return self

  def __exit__(self, exc_type, exc, tb):
    # a run stopped by an exception has no end line: it reads as killed, not finished
    self.close(end=exc_type is None)
    return False

  # ---- activations

  def _assign_activations(self, model, mapping):
    by_name = {layer.name: layer for layer in self._layers}
    unknown = sorted(set(mapping) - set(by_name))
    if unknown:
      raise ValueError("activations names no recorded layer: %s (layers: %s)"
                       % (", ".join(unknown), ", ".join(by_name)))
    for module in model.modules():
      if isinstance(module, nn.Sequential):
        children = list(module.children())
        for i, child in enumerate(children):
          layer = next((l for l in self._layers if l.module is child), None)
          if layer is not None:
            follower = children[i + 1] if i + 1 < len(children) else None
            if follower is not None and _is_activation_module(follower):
              layer.activation = follower
            layer.activation_known = True
    for name, value in mapping.items():
      layer = by_name[name]
      layer.activation = _activation_module(value, name)
      layer.activation_known = True

  def _start_detection(self, model):
    """Layers outside an nn.Sequential and not mapped: the activation module whose input is the
    layer's output tensor, seen during the first forward pass."""
    if all(layer.activation_known for layer in self._layers):
      return None
    outputs = {}

    def seen(module, inputs, output):
      if inputs and isinstance(inputs[0], torch.Tensor):
        layer = outputs.get(id(inputs[0]))
        if layer is not None and layer[0] is inputs[0] and not layer[1].activation_known:
          layer[1].activation = module
          layer[1].activation_known = True

    handles = [m.register_forward_hook(seen) for m in model.modules() if specs.is_activation(m)]
    return outputs, handles

  def _stop_detection(self):
    if self._detection is not None:
      for h in self._detection[1]:
        h.remove()
      self._detection = None
      for layer in self._layers:
        layer.activation_known = True

  # ---- hooks (return at once on steps that are not recorded)

  def _forward_hook(self, layer):
    def hook(module, inputs, out):
      if module is not layer.module:
        return None  # a deepcopy of the model carries the hooks along: not ours to record
      if self._detection is not None:
        self._detection[0][id(out)] = (out, layer)
      if self._probing:
        layer.probe_z.append(out.detach())
        return None
      if not self._armed or not torch.is_grad_enabled() or not out.requires_grad:
        return None
      if self._keep_weights and layer.weight_before is None:
        layer.weight_before = module.weight.detach().clone()
      capture = [out.detach(), None, 0]
      scale = out.shape[0] if self._reduction == "mean" else 1

      def on_grad(g):
        capture[1] = layer.per_unit(g.detach().abs().to(torch.float64)).sum(1) * scale
        capture[2] = g.numel() // layer.width
      out.register_hook(on_grad)
      layer.captures.append(capture)
      if getattr(layer.activation, "inplace", False):
        return out.clone()  # an in-place activation would overwrite z and its gradient hook
      return None
    return hook

  def _probe_pass(self):
    """The probe batch through the model in eval mode, without gradients; returns the z's."""
    modes = [(m, m.training) for m in self._model.modules()]
    self._probing = True
    try:
      self._model.eval()
      with torch.no_grad():
        self._model(self._probe_batch)
    finally:
      self._probing = False
      for m, mode in modes:
        m.training = mode
    result = [layer.probe_z for layer in self._layers]
    for layer in self._layers:
      layer.probe_z = []
    return result

  # ---- records

  def _record(self, step, loss, test_loss, accuracy, probe, with_update):
    per_layer = [self._sums(layer, probe[i] if probe is not None else None)
                 for i, layer in enumerate(self._layers)]
    samples = sum(c[0].shape[0] for c in self._layers[0].captures if c[1] is not None)
    loss_value = float(loss.detach()) if isinstance(loss, torch.Tensor) else loss
    loss_value = math.nan if loss_value is None else float(loss_value)
    weight = samples if samples > 0 else 1
    packed = torch.cat(per_layer + [torch.tensor([loss_value * weight, weight],
                                                 dtype=torch.float64)])
    if self._distributed:
      packed = packed.to(_device_for_reduce())
      dist.all_reduce(packed, op=dist.ReduceOp.SUM)
      packed = packed.cpu()
    layers, offset = [], 0
    for layer in self._layers:
      size = 3 * layer.width + 39
      layers.append(self._layer_record(layer, packed[offset:offset + size], with_update))
      offset += size
    global_loss = float(packed[offset] / packed[offset + 1])
    if self._diverges(step, global_loss, layers):
      return
    record = {"step": step, "loss": finite_or_none(global_loss),
              "testLoss": finite_or_none(_number(test_loss)),
              "accuracy": finite_or_none(_number(accuracy)), "layers": layers}
    if self._writer is not None:
      self._ensure_header()
      self._writer.record(record)

  def _sums(self, layer, probe_z):
    """The layer's sums for one record, packed (so one all_reduce serves every rank):
    |delta| per unit and its count, a's sum, sum of squares and count, per unit the pairs with
    f' = 0 and with |f'| at the saturation level and the pairs counted, histogram, below, above."""
    w = layer.width
    f64 = torch.float64
    delta = torch.zeros(w, dtype=f64)
    delta_n = 0
    a_sum = a_sq = a_n = 0.0
    zero = torch.zeros(w, dtype=f64)
    sat = torch.zeros(w, dtype=f64)
    pairs = 0
    hist = torch.zeros(BINS + 2, dtype=f64)
    spec = layer.spec()
    threshold = (SATURATION_LEVEL * specs.max_derivative(spec, layer.activation)
                 if not layer.output and specs.saturates(spec) else -1.0)
    measure_flat = not layer.output and layer.measurable()

    def flatness_and_histogram(z, fp):
      nonlocal pairs, zero, sat
      if measure_flat:
        zero += layer.per_unit(fp == 0).sum(1)
        sat += layer.per_unit(fp.abs() <= threshold).sum(1)
      pairs += z.numel() // w
      hist.add_(_histogram(z))

    for z, d, count in layer.captures:
      if d is None:
        continue  # a forward pass without a backward (evaluation with gradients on)
      delta += d
      delta_n += count
      a, fp = self._value_and_derivative(layer, z, measure_flat)
      a_sum += float(a.sum())
      a_sq += float((a * a).sum())
      a_n += a.numel()
      if probe_z is None:
        flatness_and_histogram(z, fp)
    for z in probe_z or []:
      flatness_and_histogram(z, self._value_and_derivative(layer, z, measure_flat)[1])
    head = torch.tensor([delta_n, a_sum, a_sq, a_n], dtype=f64)
    return torch.cat([delta, head, zero, sat, torch.tensor([pairs], dtype=f64), hist])

  @staticmethod
  def _value_and_derivative(layer, z, with_derivative):
    if with_derivative:
      return specs.derivative_and_value(layer.activation, z)
    with torch.no_grad():
      a = z.to(torch.float64) if layer.activation is None else layer.activation.forward(z.clone())
    return a.to(torch.float64), None

  def _layer_record(self, layer, sums, with_update):
    w = layer.width
    delta, delta_n = sums[:w], float(sums[w])
    a_sum, a_sq, a_n = (float(v) for v in sums[w + 1:w + 4])
    zero, sat = sums[w + 4:2 * w + 4], sums[2 * w + 4:3 * w + 4]
    pairs = float(sums[3 * w + 4])
    hist = sums[3 * w + 5:]
    per_unit = (delta / delta_n).tolist() if delta_n > 0 else []
    mean = a_sum / a_n if a_n > 0 else math.nan
    std = math.sqrt(max(0.0, a_sq / a_n - mean * mean)) if a_n > 0 else math.nan
    hidden = not layer.output
    measured = pairs > 0 and (layer.output or layer.measurable())
    dead = (zero == pairs) if hidden else torch.zeros(w, dtype=torch.bool)
    saturating = hidden and specs.saturates(layer.spec())
    saturated = ((2 * sat > pairs) | dead) if saturating else None
    grad = layer.module.weight.grad
    return {
        "gradMeanAbs": finite_or_none(sum(per_unit) / w) if delta_n > 0 else None,
        "gradWeightRms": finite_or_none(float(grad.detach().norm()) / math.sqrt(grad.numel()))
        if grad is not None else None,
        "updateRatio": self._update_ratio(layer) if with_update else None,
        "deadFraction": finite_or_none(float(dead.sum()) / w) if measured else None,
        "inactiveFraction": (finite_or_none(float(zero.sum()) / (pairs * w)) if hidden else 0.0)
        if measured else None,
        "saturatedFraction": finite_or_none(float(saturated.sum()) / w)
        if saturating and measured else None,
        "activationMean": finite_or_none(mean),
        "activationStd": finite_or_none(std),
        "neuronGradMeanAbs": [finite_or_none(v) for v in per_unit] if delta_n > 0 else None,
        "dead": [bool(v) for v in dead.tolist()] if measured else None,
        "histogram": {"min": -8, "max": 8, "counts": [int(v) for v in hist[:BINS].tolist()],
                      "below": int(hist[BINS]), "above": int(hist[BINS + 1])},
    }

  @staticmethod
  def _update_ratio(layer):
    if layer.weight_before is None:
      return None
    # in the weights' own dtype: norms accumulate well enough, and a float64 copy costs more
    # than the rest of the record
    before = layer.weight_before
    change = layer.module.weight.detach() - before
    norm = float(before.norm())
    return finite_or_none(float(change.norm()) / norm) if norm > 0 else None

  def _diverges(self, step, loss, layers):
    """A non-finite loss or gradient, a loss above 1000 x the first record's, or a weight
    beyond +-1e6, checked on recorded steps: the record is not written and recording stops."""
    if self._first_loss is None and math.isfinite(loss):
      self._first_loss = loss
    bad = not math.isfinite(loss) or (self._first_loss is not None and self._first_loss > 0
                                      and loss > DIVERGENCE_FACTOR * self._first_loss)
    for layer, rec in zip(self._layers, layers):
      largest = float(layer.module.weight.detach().abs().max())
      bad = bad or not largest <= WEIGHT_LIMIT  # NaN too
      bad = bad or (layer.module.weight.grad is not None and rec["gradWeightRms"] is None)
      bad = bad or any(v is None for v in rec["neuronGradMeanAbs"] or [])
    if bad:
      self._diverged_at = step
      self._stopped = True
    return bad

  def _ensure_header(self):
    if self._header_written or self._writer is None:
      return
    self._header_written = True
    meta = {"torch": torch.__version__.split("+")[0], "every": self._every,
            "reduction": self._reduction, "worldSize": self._world,
            "model": type(self._model).__name__,
            "probe": "probe batch" if self._probe_batch is not None else "training batch"}
    self._writer.header([layer.describe() for layer in self._layers], meta)


def _histogram(z):
  """z in 32 bins over [-8, 8] (a value on an inner edge goes up, 8 into the last bin), then the
  counts below and above; NaN is in none of them."""
  z = z.detach().to(torch.float64).reshape(-1)
  below = (z < HISTOGRAM_MIN).sum()
  above = (z > HISTOGRAM_MAX).sum()
  inside = z[(z >= HISTOGRAM_MIN) & (z <= HISTOGRAM_MAX)]
  scale = BINS / (HISTOGRAM_MAX - HISTOGRAM_MIN)
  bins = ((inside - HISTOGRAM_MIN) * scale).floor().long().clamp_(max=BINS - 1)
  counts = torch.bincount(bins, minlength=BINS).to(torch.float64)
  return torch.cat([counts, torch.stack([below, above]).to(torch.float64)])


def _is_activation_module(module):
  return specs.is_activation(module) and not isinstance(module, nn.Identity) \
      or type(module).__module__ == "torch.nn.modules.activation"


_BY_NAME = {
    "identity": nn.Identity, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU,
    "relu6": nn.ReLU6, "silu": nn.SiLU, "gelu": nn.GELU, "softplus": nn.Softplus,
    "hard_tanh": nn.Hardtanh, "hard_sigmoid": nn.Hardsigmoid, "hard_swish": nn.Hardswish,
    "mish": nn.Mish, "selu": nn.SELU, "softsign": nn.Softsign, "leaky_relu": nn.LeakyReLU,
    "elu": nn.ELU, "celu": nn.CELU, "tanhshrink": nn.Tanhshrink, "log_sigmoid": nn.LogSigmoid,
    "softshrink": nn.Softshrink, "hardshrink": nn.Hardshrink,
}


def _activation_module(value, layer_name):
  """A mapping's value: an nn.Module, or a catalog spec such as 'leaky_relu:negative_slope=0.2'."""
  if isinstance(value, nn.Module):
    return None if isinstance(value, nn.Identity) else value
  if isinstance(value, str):
    name, _, params = value.strip().partition(":")
    kind = _BY_NAME.get(name.lower().replace("-", "_"))
    if kind is None:
      raise ValueError("activations[%r]: unknown function %r; known: %s"
                       % (layer_name, value, ", ".join(sorted(_BY_NAME))))
    kwargs = {}
    for p in filter(None, params.split(",")):
      key, eq, v = p.partition("=")
      if not eq:
        raise ValueError("activations[%r]: expected param=value in %r" % (layer_name, value))
      kwargs[key.strip()] = float(v)
    return None if kind is nn.Identity else kind(**kwargs)
  raise ValueError("activations[%r]: expected an nn.Module or a function name, got %r"
                   % (layer_name, value))


def _number(value):
  if value is None:
    return None
  return float(value.detach()) if isinstance(value, torch.Tensor) else float(value)


def _device_for_reduce():
  return torch.device("cuda", torch.cuda.current_device()) \
      if dist.get_backend() == "nccl" else torch.device("cpu")
