#!/usr/bin/env python3
"""PyTorch peer of `prune-sh bench`: the same networks, optimizer, batch and masking in PyTorch.

The networks mirror prune-sh's ops/model (ResNets.java, Vgg.java, Models.lenet5) layer for layer:
CIFAR ResNets with option-B projection shortcuts (1x1 conv + batch norm where the shape changes),
VGG-19 with batch norm and one linear classifier, LeNet-5 with biased convolutions; convolutions
before a batch norm have no bias; inputs smaller than 32x32 are zero-padded to 32x32 for the ResNets
and VGG (not for the small CNN), and LeNet-5 pads 28x28 inputs by 2 in its first convolution. ResNet-50
is the CIFAR form with bottlenecks (ResNets.resnet50). Widths scale as
ModelSpec.scaled: max(1, round-half-up(channels * width)).

A training step is SGD (lr 0.01, momentum 0.9, no weight decay: the bench's optimizer settings),
mean softmax cross-entropy on one fixed random batch, then every masked weight is multiplied by its
mask. Masks prune the globally lowest |w| over the convolution and linear weights (biases and
batch-norm parameters are never pruned), as prune-sh's default exclusions do.

Modes:
  torch_peer.py --count MODEL WIDTH [--shape CxHxW] [--classes K]   prints the parameter count
  torch_peer.py --serve [--threads N]                                 line protocol on stdin/stdout

Protocol (one request line, one answer line; an answer starting with "error " reports a failure):
  setup MODEL WIDTH BATCH SPARSITY CxHxW CLASSES -> ready PARAMS
      builds the network, its masks and the batch; replaces the previous setup
  run STEPS                                      -> seconds S
      STEPS training steps on the current setup, timed here (wall clock, perf_counter)
  profile STEPS                                  -> profile PLAIN PROFILED NAME:CALLS:US ...
      STEPS steps timed plainly (PLAIN seconds), then STEPS under torch.profiler (PROFILED
      seconds, the profiler's overhead included); per op name its calls and self CPU time in
      microseconds over those steps, where the optimizer's and the masking's ops count under the
      names "optimizer" and "masks" (everything they run) and all else under its own name
      (aten::... for ops, others for the autograd engine; spaces in a name become "_")
  count MODEL WIDTH CxHxW CLASSES                -> params N
  quit                                           -> (exits)
"""

import argparse
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.profiler import record_function

CIFAR_SIZE = 32
LR = 0.01
MOMENTUM = 0.9
VGG19 = [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0]


def scaled(channels, width):
    """ModelSpec.scaled: Java's Math.round rounds halves up, Python's round() would not."""
    return max(1, int(math.floor(channels * width + 0.5)))


class PadTo(nn.Module):
    """Models.padTo: symmetric zero padding up to size x size, the extra row/column at the end."""

    def __init__(self, height, width, size):
        super().__init__()
        dh, dw = max(0, size - height), max(0, size - width)
        self.pads = (dw // 2, dw - dw // 2, dh // 2, dh - dh // 2)

    def forward(self, x):
        return F.pad(x, self.pads) if any(self.pads) else x


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = self.bn2(self.conv2(h))
        return F.relu(h + self.shortcut(x))


class Bottleneck(nn.Module):
    def __init__(self, cin, planes, stride):
        super().__init__()
        cout = 4 * planes
        self.conv1 = nn.Conv2d(cin, planes, 1, 1, 0, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, cout, 1, 1, 0, bias=False)
        self.bn3 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        return F.relu(h + self.shortcut(x))


class CifarResNet(nn.Module):
    """3x3 stem (conv, batch norm, ReLU), the residual blocks, global average pool, linear classifier."""

    def __init__(self, stem, shape, blocks, features, classes):
        super().__init__()
        self.pad = PadTo(shape[1], shape[2], CIFAR_SIZE)
        self.conv1 = nn.Conv2d(shape[0], stem, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(features, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(self.pad(x))))
        x = self.blocks(x)
        return self.fc(x.mean(dim=(2, 3)))


class ResNet(CifarResNet):
    """ResNets.basic: depth 6n+2, stages of 16/32/64 channels at width 1."""

    def __init__(self, depth, width, shape, classes):
        if depth < 8 or (depth - 2) % 6 != 0:
            raise ValueError("a CIFAR ResNet has depth 6n+2, not %d" % depth)
        n = (depth - 2) // 6
        widths = [scaled(16, width), scaled(32, width), scaled(64, width)]
        blocks = []
        cin = widths[0]
        for s in range(3):
            for b in range(n):
                stride = 2 if s > 0 and b == 0 else 1
                blocks.append(BasicBlock(cin, widths[s], stride))
                cin = widths[s]
        super().__init__(widths[0], shape, blocks, cin, classes)


class ResNet50(CifarResNet):
    """ResNets.resnet50, CIFAR form: 3x3 stem, bottlenecks [3, 4, 6, 3] of 64..512 planes (output 4x)."""

    def __init__(self, width, shape, classes):
        stem = scaled(64, width)
        blocks = []
        cin = stem
        for s, (count, planes) in enumerate(zip([3, 4, 6, 3], [64, 128, 256, 512])):
            p = scaled(planes, width)
            for b in range(count):
                blocks.append(Bottleneck(cin, p, 2 if s > 0 and b == 0 else 1))
                cin = 4 * p
        super().__init__(stem, shape, blocks, cin, classes)


class Vgg19(nn.Module):
    """Vgg.vgg19: 3x3 convolutions without bias, each with batch norm and ReLU; one linear classifier."""

    def __init__(self, width, shape, classes):
        super().__init__()
        layers = [PadTo(shape[1], shape[2], CIFAR_SIZE)]
        cin = shape[0]
        size = max(CIFAR_SIZE, shape[1])
        side = max(CIFAR_SIZE, shape[2])
        for v in VGG19:
            if v == 0:
                layers.append(nn.MaxPool2d(2))
                size, side = size // 2, side // 2
                continue
            cout = scaled(v, width)
            layers += [nn.Conv2d(cin, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
            cin = cout
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(cin * size * side, classes)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


class LeNet5(nn.Module):
    """Models.lenet5: conv 6@5x5 (padding 2 below 32x32), pool, conv 16@5x5, pool, fc 120, fc 84, fc."""

    def __init__(self, width, shape, classes):
        super().__init__()
        padding = 2 if shape[1] < CIFAR_SIZE else 0
        c1, c2 = scaled(6, width), scaled(16, width)
        self.conv1 = nn.Conv2d(shape[0], c1, 5, 1, padding)
        self.conv2 = nn.Conv2d(c1, c2, 5)
        h = ((shape[1] + 2 * padding - 4) // 2 - 4) // 2
        w = ((shape[2] + 2 * padding - 4) // 2 - 4) // 2
        self.fc1 = nn.Linear(c2 * h * w, scaled(120, width))
        self.fc2 = nn.Linear(scaled(120, width), scaled(84, width))
        self.fc3 = nn.Linear(scaled(84, width), classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class Cnn(nn.Module):
    """Models.cnn: 2x conv 32@3x3, pool, 2x conv 64@3x3, pool (biased convolutions), fc 256, classifier."""

    def __init__(self, width, shape, classes):
        super().__init__()
        a, b = scaled(32, width), scaled(64, width)
        self.features = nn.Sequential(
            nn.Conv2d(shape[0], a, 3, 1, 1), nn.ReLU(inplace=True),
            nn.Conv2d(a, a, 3, 1, 1), nn.ReLU(inplace=True), nn.MaxPool2d(2),
            nn.Conv2d(a, b, 3, 1, 1), nn.ReLU(inplace=True),
            nn.Conv2d(b, b, 3, 1, 1), nn.ReLU(inplace=True), nn.MaxPool2d(2))
        self.fc1 = nn.Linear(b * (shape[1] // 4) * (shape[2] // 4), scaled(256, width))
        self.fc2 = nn.Linear(scaled(256, width), classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(torch.flatten(self.features(x), 1))))


def build(model, width, shape, classes):
    if model == "lenet5":
        return LeNet5(width, shape, classes)
    if model == "cnn":
        return Cnn(width, shape, classes)
    if model == "vgg19":
        return Vgg19(width, shape, classes)
    if model == "resnet50":
        return ResNet50(width, shape, classes)
    if model.startswith("resnet") and model[len("resnet"):].isdigit():
        return ResNet(int(model[len("resnet"):]), width, shape, classes)
    raise ValueError("unknown model '%s'; expected lenet5, cnn, vgg19, resnet50 or resnetN (N = 6n+2)" % model)


def parse_shape(text):
    parts = text.lower().split("x")
    if len(parts) != 3 or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise ValueError("a sample shape is CxHxW, e.g. 3x32x32, not '%s'" % text)
    return tuple(int(p) for p in parts)


def parameter_count(net):
    return sum(p.numel() for p in net.parameters())


def global_magnitude_masks(net, sparsity):
    """Masks pruning the round(sparsity * N) lowest |w| over all convolution and linear weights."""
    weights = [m.weight for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    scores = torch.cat([w.detach().abs().flatten() for w in weights])
    prune = int(math.floor(sparsity * scores.numel() + 0.5))
    if prune <= 0:
        return [(w, torch.ones_like(w)) for w in weights]
    threshold = torch.kthvalue(scores, prune).values
    return [(w, (w.detach().abs() > threshold).to(w.dtype)) for w in weights]


class Setup:
    """One network with its masks, optimizer and fixed batch, warmed by the caller's first run."""

    def __init__(self, model, width, batch, sparsity, shape, classes):
        torch.manual_seed(1)
        self.net = build(model, width, shape, classes)
        self.net.train()
        self.masks = global_magnitude_masks(self.net, sparsity)
        with torch.no_grad():
            for p, m in self.masks:
                p.mul_(m)
        self.optimizer = torch.optim.SGD(self.net.parameters(), lr=LR, momentum=MOMENTUM)
        self.x = torch.randn(batch, *shape)
        self.y = torch.arange(batch) % classes

    def run(self, steps):
        start = time.perf_counter()
        for _ in range(steps):
            self.optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(self.net(self.x), self.y)
            loss.backward()
            with record_function("optimizer"):
                self.optimizer.step()
            with record_function("masks"), torch.no_grad():
                for p, m in self.masks:
                    p.data.mul_(m)
        return time.perf_counter() - start

    def profile(self, steps):
        """Plain seconds, profiled seconds, and {name: [calls, self CPU us]} over `steps` steps."""
        plain = self.run(steps)
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
            profiled = self.run(steps)
        return plain, profiled, op_times(prof.events())


SCOPES = ("optimizer", "masks")


def op_times(events):
    """Self CPU time per op name; an op inside one of SCOPES counts under the scope's name."""
    out = {}
    for e in events:
        scope, parent = (e.name if e.name in SCOPES else None), e.cpu_parent
        while scope is None and parent is not None:
            scope, parent = (parent.name if parent.name in SCOPES else None), parent.cpu_parent
        entry = out.setdefault(scope or e.name, [0, 0.0])
        if scope is None or e.name == scope:
            entry[0] += 1
        entry[1] += e.self_cpu_time_total
    return out


def answer(words, state):
    """The answer line to one request; `state` holds the current Setup under "setup"."""
    command = words[0]
    if command == "setup" and len(words) == 7:
        model, width, batch, sparsity = words[1], float(words[2]), int(words[3]), float(words[4])
        state["setup"] = None
        state["setup"] = Setup(model, width, batch, sparsity, parse_shape(words[5]), int(words[6]))
        return "ready %d" % parameter_count(state["setup"].net)
    if command == "run" and len(words) == 2:
        if state.get("setup") is None:
            return "error run before setup"
        return "seconds %.6f" % state["setup"].run(int(words[1]))
    if command == "profile" and len(words) == 2:
        if state.get("setup") is None:
            return "error profile before setup"
        plain, profiled, ops = state["setup"].profile(int(words[1]))
        return "profile %.6f %.6f %s" % (plain, profiled, " ".join(
            "%s:%d:%.1f" % (name.replace(" ", "_"), calls, us) for name, (calls, us) in sorted(ops.items(), key=lambda kv: -kv[1][1])))
    if command == "count" and len(words) == 5:
        return "params %d" % parameter_count(build(words[1], float(words[2]), parse_shape(words[3]), int(words[4])))
    return "error unknown request '%s'; expected setup, run, profile, count or quit" % " ".join(words)


def serve(threads):
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    print("hello torch %s threads %d" % (torch.__version__, torch.get_num_threads()), flush=True)
    state = {}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        try:
            reply = answer(words, state)
        except Exception as e:  # the bench reports it and stops; the peer stays usable
            reply = "error %s: %s" % (type(e).__name__, str(e).replace("\n", " "))
        print(reply, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", nargs=2, metavar=("MODEL", "WIDTH"), help="print the parameter count and exit")
    parser.add_argument("--shape", default="3x32x32", help="sample shape CxHxW for --count (default 3x32x32)")
    parser.add_argument("--classes", type=int, default=10, help="classes for --count (default 10)")
    parser.add_argument("--serve", action="store_true", help="answer requests on stdin (see the module doc)")
    parser.add_argument("--threads", type=int, default=2, help="torch intra-op threads when serving (default 2)")
    args = parser.parse_args()
    if args.count:
        net = build(args.count[0], float(args.count[1]), parse_shape(args.shape), args.classes)
        print(parameter_count(net))
    elif args.serve:
        serve(args.threads)
    else:
        parser.error("give --count MODEL WIDTH or --serve")


if __name__ == "__main__":
    main()
