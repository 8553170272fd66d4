"""Arabidopsis seedling phenotype (ein2 mutant vs. Col-0) from hypocotyl/root shape descriptors."""
import numpy as np
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
np.random.seed(0)
torch.use_deterministic_algorithms(True)

d = np.load("data/seedling_shapes.npz")
X_tr, X_te, y_tr, y_te = train_test_split(d["descriptors"].astype(np.float32), d["mutant"].astype(np.int64),
                                          test_size=0.25, stratify=d["mutant"], random_state=0)
X_tr, X_te, y_tr, y_te = map(torch.from_numpy, (X_tr, X_te, y_tr, y_te))


def train(X, y, epochs=300):
    net = nn.Sequential(nn.Linear(X.shape[1], 32), nn.ReLU(), nn.Linear(32, 2))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for _ in range(epochs):
        opt.zero_grad()
        nn.functional.cross_entropy(net(X), y).backward()
        opt.step()
    return net


net = train(X_tr, y_tr)
null_net = train(X_tr, y_tr[torch.randperm(len(y_tr))])
with torch.no_grad():
    acc = (net(X_te).argmax(1) == y_te).float().mean().item()  # expect: DLR401
    null_acc = (null_net(X_te).argmax(1) == y_te).float().mean().item()
logreg = LogisticRegression(max_iter=1000).fit(X_tr.numpy(), y_tr.numpy())
print(f"accuracy mlp {acc:.3f}, logreg {logreg.score(X_te.numpy(), y_te.numpy()):.3f}, permuted labels {null_acc:.3f}")
