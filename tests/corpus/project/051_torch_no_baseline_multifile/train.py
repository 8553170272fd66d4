"""C. elegans embryos: pre- vs. post-gastrulation from DIC time-lapse frames."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from evaluate import report
from utils import seed_all

gen = seed_all(13)
frames = np.load("data/embryo_frames.npz")
X_tr, y_tr = torch.from_numpy(frames["X_train"][:, None]), torch.from_numpy(frames["y_train"]).float()
X_te, y_te = torch.from_numpy(frames["X_test"][:, None]), frames["y_test"]


def train(X, y, epochs=20):
    net = nn.Sequential(nn.Conv2d(1, 16, 5, stride=2), nn.ReLU(), nn.Conv2d(16, 32, 5, stride=2), nn.ReLU(),
                        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 1))
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    for _ in range(epochs):
        for xb, yb in DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True, generator=gen):
            opt.zero_grad()
            loss = nn.functional.binary_cross_entropy_with_logits(net(xb).squeeze(1), yb)
            loss.backward()
            opt.step()
    return net.eval()


cnn = train(X_tr, y_tr)  # expect: DLR301
null_cnn = train(X_tr, y_tr[torch.randperm(len(y_tr), generator=gen)])
with torch.no_grad():
    report("cnn", y_te, torch.sigmoid(cnn(X_te).squeeze(1)).numpy())
    report("cnn, shuffled labels", y_te, torch.sigmoid(null_cnn(X_te).squeeze(1)).numpy())
