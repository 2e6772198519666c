"""A real PyTorch training recorded by the probe, for the README's run-viewer screenshot.

A 20 -> [512]*6 -> 10 sigmoid MLP (module names encoder.0 ... head) learns ten Gaussian blobs
with SGD; its gradient vanishes towards the input. Writes run.jsonl (or the path given), one
record every 5 steps, 400 steps. Run from the repository root:

    PYTHONPATH=probe /usr/bin/python3 probe/examples/deep_sigmoid_demo.py /tmp/deep-sigmoid.jsonl
"""
import sys

import torch
from torch import nn

from activationlab_probe import ActivationLabProbe


class DeepMlp(nn.Module):
    def __init__(self):
        super().__init__()
        layers = []
        width_in = 20
        for _ in range(6):
            layers += [nn.Linear(width_in, 512), nn.Sigmoid()]
            width_in = 512
        self.encoder = nn.Sequential(*layers)
        self.head = nn.Linear(512, 10)

    def forward(self, x):
        return self.head(self.encoder(x))


def main(path):
    torch.manual_seed(3)
    centres = torch.randn(10, 20) * 3
    net = DeepMlp()
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    loss_fn = nn.CrossEntropyLoss()
    with ActivationLabProbe(net, path, every=5) as probe:
        for step in range(400):
            y = torch.randint(0, 10, (64,))
            x = centres[y] + torch.randn(64, 20)
            opt.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
            probe.step(loss)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "run.jsonl")
