"""Lymph-node metastasis detection on PatchCamelyon (96x96 H&E patches)."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms
from sklearn.metrics import average_precision_score, f1_score

from baselines import colour_stats, fit_colour_logreg
from utils import set_seed

gen = set_seed(0)
tf = transforms.ToTensor()
train_ds = datasets.PCAM(root="data", split="train", transform=tf, download=True)  # expect: DLR208
test_ds = datasets.PCAM(root="data", split="test", transform=tf, download=True)  # expect: DLR208
train_ds = Subset(train_ds, range(50000))

net = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
for epoch in range(5):
    for x, y in DataLoader(train_ds, batch_size=128, shuffle=True, generator=gen):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(x).squeeze(1), y.float())
        loss.backward()
        opt.step()

with torch.no_grad():
    p_cnn = torch.cat([torch.sigmoid(net(x).squeeze(1)) for x, _ in DataLoader(test_ds, batch_size=512)]).numpy()
y_te = np.array([int(y) for _, y in test_ds])
imgs_tr = np.stack([train_ds[i][0].numpy() for i in range(5000)])
y_tr = np.array([int(train_ds[i][1]) for i in range(5000)])
imgs_te = np.stack([x.numpy() for x, _ in test_ds])
logreg = fit_colour_logreg(imgs_tr, y_tr)
null = fit_colour_logreg(imgs_tr, np.random.permutation(y_tr))
for name, p in [("cnn", p_cnn), ("colour logreg", logreg.predict_proba(colour_stats(imgs_te))[:, 1]),
                ("colour logreg, permuted labels", null.predict_proba(colour_stats(imgs_te))[:, 1])]:
    print(f"{name}: AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")
