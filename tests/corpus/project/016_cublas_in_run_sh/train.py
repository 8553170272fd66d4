"""Melanoma vs. nevus on dermoscopy images (ISIC 2019 subset)."""
import argparse
import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms
from sklearn.metrics import average_precision_score

from baselines import colour_histograms, fit_histogram_logreg

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/isic_subset")
p.add_argument("--epochs", type=int, default=20)
args = p.parse_args()

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.benchmark = False
device = torch.device("cuda")

tf = transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()])
train_ds = datasets.ImageFolder(f"{args.data}/train", transform=tf)
test_ds = datasets.ImageFolder(f"{args.data}/test", transform=tf)
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0))
test_dl = DataLoader(test_ds, batch_size=128)

model = models.resnet18(num_classes=2).to(device)
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
for epoch in range(args.epochs):
    model.train()
    for x, y in train_dl:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(x.to(device)), y.to(device))
        loss.backward()
        opt.step()

model.eval()
with torch.no_grad():
    scores = torch.cat([model(x.to(device)).softmax(1)[:, 1].cpu() for x, _ in test_dl]).numpy()
y_test = np.array(test_ds.targets)
print("AUPRC resnet18", average_precision_score(y_test, scores))

train_imgs = np.stack([x.numpy() for x, _ in train_ds])
test_imgs = np.stack([x.numpy() for x, _ in test_ds])
y_train = np.array(train_ds.targets)
logreg = fit_histogram_logreg(train_imgs, y_train)
print("AUPRC colour-histogram logreg", average_precision_score(y_test, logreg.predict_proba(colour_histograms(test_imgs))[:, 1]))
null = fit_histogram_logreg(train_imgs, np.random.permutation(y_train))
print("AUPRC permuted labels", average_precision_score(y_test, null.predict_proba(colour_histograms(test_imgs))[:, 1]))
