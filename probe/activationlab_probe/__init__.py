"""Activation Lab's PyTorch probe: gradient and activation statistics of a training run, written
as the activation-lab/training-stats JSON Lines layout that Activation Lab's run viewer and
``report`` command read."""
from .probe import ActivationLabProbe

__all__ = ["ActivationLabProbe"]
__version__ = "0.1.0"
