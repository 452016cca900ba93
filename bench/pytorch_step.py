"""The student VLM's training step in PyTorch, to compare with DJL on the same machine (bench/pytorch-compare.sh).

Same network as org.sdvp.models.vlm.VlmBlock with VlmConfig.defaults(): five 3x3 conv units (32-64-96-96-96,
strides 2-2-2-1-1, no normalisation), a bag-of-n-grams text encoder (Linear V->128 without bias, ReLU,
Linear 128->128, ReLU), FiLM with a bounded scale 1 + tanh(gamma) on the last two conv units (after the conv,
before the ReLU), VQA and MATCH heads on [mean-pool, max-pool, text] -> 256 -> answers / 1, and the LOC head
(3x3 conv unit + ReLU, 1x1 conv to 5 channels). Same step as org.sdvp.models.bench.TrainStepBench: VQA 21 crops
(64x64) + 11 whole images (96x96), MATCH 24 crops, LOC 12 whole images, one backward pass per loss term,
global gradient-norm clipping at 5, element-wise clipping at 5, Adam (beta2 0.99), gradients zeroed.

usage: python3 pytorch_step.py [steps] [rounds] [vocabulary]
"""
import resource
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CHANNELS, STRIDES, FILM_UNITS = [32, 64, 96, 96, 96], [2, 2, 2, 1, 1], 2
TEXT, HIDDEN, ANSWERS, CELL_CHANNELS = 128, 256, 30, 5
CROP, WHOLE, GRID = 64, 96, 12
VQA_CROPS, VQA_WHOLE, MATCH, LOC = 21, 11, 24, 12
WORDS_PER_TEXT = 6


class Student(nn.Module):
    def __init__(self, vocabulary):
        super().__init__()
        convs, c_in = [], 3
        for c, s in zip(CHANNELS, STRIDES):
            convs.append(nn.Conv2d(c_in, c, 3, stride=s, padding=1))
            c_in = c
        self.convs = nn.ModuleList(convs)
        c = CHANNELS[-1]
        self.text_in = nn.Linear(vocabulary, TEXT, bias=False)
        self.text_out = nn.Linear(TEXT, TEXT)
        self.film = nn.Linear(TEXT, 2 * c * FILM_UNITS)
        self.vqa_hidden, self.vqa_out = nn.Linear(2 * c + TEXT, HIDDEN), nn.Linear(HIDDEN, ANSWERS)
        self.match_hidden, self.match_out = nn.Linear(2 * c + TEXT, HIDDEN), nn.Linear(HIDDEN, 1)
        self.loc_unit = nn.Conv2d(c, c, 3, padding=1)
        self.loc_out = nn.Conv2d(c, CELL_CHANNELS, 1)

    def text(self, bag):
        return F.relu(self.text_out(F.relu(self.text_in(bag))))

    def features(self, images, t):
        gb = self.film(t)
        c = CHANNELS[-1]
        first = len(self.convs) - FILM_UNITS
        x = images
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if i >= first:
                k = i - first
                gamma = gb[:, 2 * k * c:(2 * k + 1) * c].reshape(-1, c, 1, 1)
                beta = gb[:, (2 * k + 1) * c:(2 * k + 2) * c].reshape(-1, c, 1, 1)
                x = x * (torch.tanh(gamma) + 1) + beta
            x = F.relu(x)
        return x

    @staticmethod
    def pooled(f, t):
        flat = f.reshape(f.shape[0], f.shape[1], -1)
        return torch.cat([flat.mean(2), flat.max(2).values, t], 1)

    def vqa(self, images, bag):
        t = self.text(bag)
        return self.vqa_out(F.relu(self.vqa_hidden(self.pooled(self.features(images, t), t))))

    def match(self, images, bag):
        t = self.text(bag)
        return self.match_out(F.relu(self.match_hidden(self.pooled(self.features(images, t), t)))).reshape(-1)

    def loc(self, images, bag):
        t = self.text(bag)
        return self.loc_out(F.relu(self.loc_unit(self.features(images, t))))


def bce_with_logits(x, t, w=None):
    l = x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))
    return l.mean() if w is None else (l * w).sum() / w.sum().clamp(min=1)


def grid_loss(m, obj, box, positive_weight=4.0, box_weight=5.0):
    weights = obj * (positive_weight - 1) + 1
    obj_loss = bce_with_logits(m[:, 0, :], obj, weights)
    mask = obj.reshape(obj.shape[0], 1, -1).expand(-1, 4, -1)
    box_loss = ((torch.sigmoid(m[:, 1:5, :]) - box).abs() * mask).sum() / mask.sum().clamp(min=1)
    return obj_loss + box_loss * box_weight


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    vocabulary = int(sys.argv[3]) if len(sys.argv) > 3 else 353
    torch.set_num_threads(1)
    torch.manual_seed(1)
    model = Student(vocabulary)
    params = sum(p.numel() for p in model.parameters())
    print(f"PyTorch {torch.__version__}, threads={torch.get_num_threads()}, parameters={params}, "
          f"vocabulary={vocabulary}, step = VQA {VQA_CROPS} crops + {VQA_WHOLE} whole, MATCH {MATCH}, LOC {LOC}")

    def bags(n):
        b = torch.zeros(n, vocabulary)
        for i in range(n):
            for w in torch.randint(vocabulary, (WORDS_PER_TEXT,)).tolist():
                b[i, w] += 1.0 / WORDS_PER_TEXT
        return b

    x_vc, x_vw = torch.rand(VQA_CROPS, 3, CROP, CROP) * 4 - 2, torch.rand(VQA_WHOLE, 3, WHOLE, WHOLE) * 4 - 2
    x_m, x_l = torch.rand(MATCH, 3, CROP, CROP) * 4 - 2, torch.rand(LOC, 3, WHOLE, WHOLE) * 4 - 2
    t_vc, t_vw, t_m, t_l = bags(VQA_CROPS), bags(VQA_WHOLE), bags(MATCH), bags(LOC)
    y_vc, y_vw = torch.randint(ANSWERS, (VQA_CROPS,)), torch.randint(ANSWERS, (VQA_WHOLE,))
    y_m = torch.randint(2, (MATCH,)).float()
    cells = GRID * GRID
    obj = (torch.randint(12, (LOC, cells)) == 0).float()
    box = torch.rand(LOC, 4, cells)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-8)

    def step():
        opt.zero_grad(set_to_none=False)
        total = 0.0
        # the inputs are copied each step, as the Java side builds its tensors from arrays each step
        l = F.cross_entropy(model.vqa(x_vc.clone(), t_vc.clone()), y_vc) * (VQA_CROPS / 32)
        total += l.item()
        l.backward()
        l = F.cross_entropy(model.vqa(x_vw.clone(), t_vw.clone()), y_vw) * (VQA_WHOLE / 32)
        total += l.item()
        l.backward()
        l = bce_with_logits(model.match(x_m.clone(), t_m.clone()), y_m)
        total += l.item()
        l.backward()
        m = model.loc(x_l.clone(), t_l.clone()).reshape(LOC, CELL_CHANNELS, cells)
        l = grid_loss(m, obj, box)
        total += l.item()
        l.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        for p in model.parameters():
            p.grad.clamp_(-5, 5)
        opt.step()
        opt.zero_grad(set_to_none=False)
        return total

    wall, cpu = [], []
    for r in range(-1, rounds):
        t0, c0 = time.perf_counter(), time.thread_time()
        for _ in range(steps):
            step()
        if r >= 0:
            wall.append((time.perf_counter() - t0) * 1000 / steps)
            cpu.append((time.thread_time() - c0) * 1000 / steps)
    print(f"PyTorch step: median {statistics.median(wall):.1f} ms wall, {statistics.median(cpu):.1f} ms CPU "
          f"({rounds} rounds of {steps} steps; rounds: {[round(w, 1) for w in wall]} ms); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
