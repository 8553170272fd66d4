"""Pneumonia detection on paediatric chest X-rays, split by patient."""
import argparse
import random

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupShuffleSplit


class XrayDataset(Dataset):
    def __init__(self, frame):
        self.paths = frame["image_path"].tolist()
        self.labels = frame["pneumonia"].to_numpy(np.float32)

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("L").resize((128, 128))
        return torch.from_numpy(np.asarray(img, np.float32) / 255.0)[None], self.labels[i]


def seed_worker(worker_id):
    s = torch.initial_seed() % 2**32
    np.random.seed(s)
    random.seed(s)


parser = argparse.ArgumentParser()
parser.add_argument("--workers", type=int, default=8)
parser.add_argument("--epochs", type=int, default=10)
args = parser.parse_args()
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)

meta = pd.read_csv("data/patient_metadata.csv")  # image_path, patient_id, age_months, pneumonia
split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(split.split(meta, groups=meta["patient_id"]))
train_ds, test_ds = XrayDataset(meta.iloc[train_idx]), XrayDataset(meta.iloc[test_idx])
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=args.workers,  # expect: DLR204
                      generator=torch.Generator().manual_seed(0))
test_dl = DataLoader(test_ds, batch_size=64, num_workers=args.workers, worker_init_fn=seed_worker)

net = nn.Sequential(nn.Conv2d(1, 16, 3, stride=2), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2), nn.ReLU(),
                    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
for epoch in range(args.epochs):
    for x, y in train_dl:
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(x).squeeze(1), y)
        loss.backward()
        opt.step()

with torch.no_grad():
    p_cnn = torch.cat([torch.sigmoid(net(x).squeeze(1)) for x, _ in test_dl]).numpy()
small = lambda ds: np.stack([ds[i][0][0, ::8, ::8].numpy().ravel() for i in range(len(ds))])
X_tr, X_te = small(train_ds), small(test_ds)
logreg = LogisticRegression(C=0.05, max_iter=2000).fit(X_tr, train_ds.labels)
null = LogisticRegression(C=0.05, max_iter=2000).fit(X_tr, np.random.permutation(train_ds.labels))
print("AUPRC cnn", average_precision_score(test_ds.labels, p_cnn))
print("AUPRC pixel logreg", average_precision_score(test_ds.labels, logreg.predict_proba(X_te)[:, 1]))
print("AUPRC permuted labels", average_precision_score(test_ds.labels, null.predict_proba(X_te)[:, 1]))
