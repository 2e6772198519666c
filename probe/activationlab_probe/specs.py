"""Activation modules as Activation Lab catalog specs, and what "f' ~ 0" means for them.

The spec strings are those of the catalog (src/main/java/org/activationlab/activation): an id and,
for a function with parameters, ``id:name=value,...``. The family (does the function switch off,
saturate, or neither) follows docs/formats.md, "The statistics"; only saturating functions report a
saturated share.
"""
import functools
import math

import torch
from torch import nn

# Modules that apply an elementwise function we can differentiate pointwise (f' via autograd).
_PLAIN = {
    nn.Identity: "identity",
    nn.Sigmoid: "sigmoid",
    nn.Tanh: "tanh",
    nn.ReLU: "relu",
    nn.ReLU6: "relu6",
    nn.SiLU: "silu",
    nn.Hardsigmoid: "hard_sigmoid",
    nn.Hardswish: "hard_swish",
    nn.Mish: "mish",
    nn.SELU: "selu",
    nn.Softsign: "softsign",
    nn.Tanhshrink: "tanhshrink",
    nn.LogSigmoid: "log_sigmoid",
}

ELEMENTWISE = tuple(_PLAIN) + (nn.LeakyReLU, nn.ELU, nn.CELU, nn.GELU, nn.Softplus, nn.Hardtanh,
                               nn.Softshrink, nn.Hardshrink, nn.PReLU)

# Families (docs/formats.md "The statistics"); decided with the parameters where they matter.
_SWITCH_OFF = {"relu", "relu6", "hard_swish", "softshrink", "hardshrink", "binary_step"}
_SATURATING = {"sigmoid", "tanh", "softsign", "hard_sigmoid", "hard_sigmoid_tf2", "hard_tanh"}


def _num(x):
  """A number as the catalog parses it: the shortest decimal that reads back the same."""
  x = float(x)
  return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def spec_of(module):
  """The catalog spec of an activation module, its class name when it has none."""
  if module is None:
    return "identity"
  kind = type(module)
  if kind in _PLAIN:
    return _PLAIN[kind]
  if kind is nn.LeakyReLU:
    return "leaky_relu:negative_slope=" + _num(module.negative_slope)
  if kind is nn.ELU:
    return "elu:alpha=" + _num(module.alpha)
  if kind is nn.CELU:
    return "celu:alpha=" + _num(module.alpha)
  if kind is nn.GELU:
    # The catalog's GELU is the exact (erf) form; the tanh approximation keeps its class name.
    return "gelu" if module.approximate == "none" else "GELU"
  if kind is nn.Softplus:
    if module.beta == 1 and module.threshold == 20:
      return "softplus"
    return "softplus:beta=%s,threshold=%s" % (_num(module.beta), _num(module.threshold))
  if kind is nn.Hardtanh:
    if module.min_val == -1 and module.max_val == 1:
      return "hard_tanh"
    return "hard_tanh:min_val=%s,max_val=%s" % (_num(module.min_val), _num(module.max_val))
  if kind in (nn.Softshrink, nn.Hardshrink):
    name = "softshrink" if kind is nn.Softshrink else "hardshrink"
    return name if module.lambd == 0.5 else "%s:lambd=%s" % (name, _num(module.lambd))
  return kind.__name__  # PReLU (its slope is learnt, so no fixed spec), Softmax, ...


def is_activation(module):
  """Whether a module is one of the elementwise activations the probe can measure."""
  return isinstance(module, ELEMENTWISE)


def saturates(spec):
  """Whether the function reports a saturated share (bounded on both sides, not ReLU-like)."""
  name, _, params = spec.partition(":")
  if name != "hard_tanh":
    return name in _SATURATING
  values = dict(p.split("=") for p in params.split(",")) if params else {}
  # a bound at 0 makes hard tanh switch off there (ReLU-like), not saturate
  return float(values.get("min_val", -1)) != 0 and float(values.get("max_val", 1)) != 0


@functools.lru_cache(maxsize=None)
def _max_derivative_of(spec, module_key):
  module = _MODULES[module_key]
  x = torch.linspace(-50, 50, 200_001, dtype=torch.float64, requires_grad=True)
  with torch.enable_grad():
    d, = torch.autograd.grad(module.forward(x.clone()).sum(), x)
  d = d.abs()
  d = d[torch.isfinite(d)]
  return float(d.max()) if d.numel() else math.nan


_MODULES = {}


def max_derivative(spec, module):
  """The largest |f'| on a grid of step 5e-4 over [-50, 50], as the Lab's MaxDerivative."""
  _MODULES[spec] = module
  return _max_derivative_of(spec, spec)


def derivative_and_value(module, z):
  """a = f(z) and f'(z), elementwise, in float64 (the engine works in doubles)."""
  z = z.detach().to(torch.float64)
  if module is None:
    return z, torch.ones_like(z)
  z.requires_grad_(True)
  with torch.enable_grad():
    if isinstance(module, nn.PReLU):  # its learnt slope is float32; evaluate in float64 too
      a = nn.functional.prelu(z, module.weight.detach().to(torch.float64))
    else:  # forward(), not __call__: no hooks; on a copy, for in-place modules
      a = module.forward(z.clone())
    d, = torch.autograd.grad(a.sum(), z)
  return a.detach(), d
