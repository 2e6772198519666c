"""The JSON Lines layout of activation-lab/training-stats version 2 (docs/formats.md)."""
import json
import math

FORMAT = "activation-lab/training-stats"
VERSION = 2


def finite_or_none(value):
  """A JSON number, or None for NaN and +-infinity (the format writes them as null)."""
  if value is None:
    return None
  value = float(value)
  return value if math.isfinite(value) else None


class JsonLinesWriter:
  """Writes one JSON object per line and flushes it, so a reader can follow the run.

  Holds nothing but the open file: records are written as they come and forgotten.
  """

  def __init__(self, path):
    self._file = open(path, "w", encoding="utf-8", newline="\n")

  def header(self, layers, meta):
    self._line({"format": FORMAT, "version": VERSION, "layout": "jsonl",
                "source": "pytorch-probe", "meta": meta, "layers": layers})

  def record(self, record):
    self._line(record)

  def end(self, diverged_at_step):
    self._line({"end": True, "diverged": diverged_at_step is not None,
                "divergedAtStep": diverged_at_step})

  def close(self):
    self._file.close()

  def _line(self, obj):
    self._file.write(json.dumps(obj, separators=(",", ":"), allow_nan=False, ensure_ascii=False))
    self._file.write("\n")
    self._file.flush()
