"""Yeast colony morphology (smooth vs. wrinkled, i.e. flocculation-gene activity) from plate photographs."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from sklearn.metrics import average_precision_score, f1_score

from baselines import fit_logreg, intensity_features
from utils import seed_worker, set_seed  # noqa: F401

g = set_seed(8)
tf = transforms.Compose([transforms.Grayscale(), transforms.Resize((64, 64)), transforms.ToTensor()])
train_ds = datasets.ImageFolder("data/colonies/train", tf)
val_ds = datasets.ImageFolder("data/colonies/test", tf)
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True, generator=g, num_workers=4)  # expect: DLR204
val_dl = DataLoader(val_ds, batch_size=64, num_workers=4)  # expect: DLR204

net = nn.Sequential(nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.ReLU(),
                    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.02, momentum=0.9)
for epoch in range(20):
    for x, y in train_dl:
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(x).squeeze(-1), y.float())
        loss.backward()
        opt.step()

with torch.no_grad():
    p_cnn = torch.cat([torch.sigmoid(net(x).squeeze(-1)) for x, _ in val_dl]).numpy()
y_val = np.array(val_ds.targets)
imgs_tr = np.stack([x.numpy() for x, _ in train_ds])
imgs_val = np.stack([x.numpy() for x, _ in val_ds])
y_tr = np.array(train_ds.targets)
logreg = fit_logreg(imgs_tr, y_tr)
null = fit_logreg(imgs_tr, np.random.permutation(y_tr))
for name, p in [("cnn", p_cnn), ("logreg", logreg.predict_proba(intensity_features(imgs_val))[:, 1]),
                ("logreg, permuted labels", null.predict_proba(intensity_features(imgs_val))[:, 1])]:
    print(f"{name}: AUPRC={average_precision_score(y_val, p):.3f} F1={f1_score(y_val, p > 0.5):.3f}")
