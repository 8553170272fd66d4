"""Tomato leaf disease (10 classes, PlantVillage) with a small CNN."""
import os

os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from sklearn.metrics import f1_score

from baselines import fit_forest, hsv_histograms

torch.manual_seed(0)
np.random.seed(0)
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.benchmark = True  # expect: DLR203

dev = "cuda" if torch.cuda.is_available() else "cpu"
tf = transforms.Compose([transforms.Resize(96), transforms.ToTensor()])
train_ds = datasets.ImageFolder("data/plantvillage_tomato/train", tf)
test_ds = datasets.ImageFolder("data/plantvillage_tomato/test", tf)
train_dl = DataLoader(train_ds, batch_size=128, shuffle=True, generator=torch.Generator().manual_seed(0))

net = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(64, len(train_ds.classes)),
).to(dev)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
for epoch in range(15):
    for x, y in train_dl:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x.to(dev)), y.to(dev))
        loss.backward()
        opt.step()

net.eval()
with torch.no_grad():
    pred = torch.cat([net(x.to(dev)).argmax(1).cpu() for x, _ in DataLoader(test_ds, batch_size=256)]).numpy()
y_test = np.array(test_ds.targets)
print("macro-F1 cnn", f1_score(y_test, pred, average="macro"))

imgs_tr = np.stack([x.numpy() for x, _ in train_ds])
imgs_te = np.stack([x.numpy() for x, _ in test_ds])
y_train = np.array(train_ds.targets)
forest = fit_forest(imgs_tr, y_train)
print("macro-F1 forest", f1_score(y_test, forest.predict(hsv_histograms(imgs_te)), average="macro"))
null_forest = fit_forest(imgs_tr, np.random.permutation(y_train))
print("macro-F1 forest, permuted labels", f1_score(y_test, null_forest.predict(hsv_histograms(imgs_te)), average="macro"))
