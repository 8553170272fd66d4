"""Self-reported daily stress from wearable summaries."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split

from baselines import logistic
from data import load_days
from utils import set_seed

set_seed(0)
X, y = load_days("data/subject_days.csv")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
mu, sd = X_tr.mean(0), X_tr.std(0) + 1e-6
X_tr, X_te = (X_tr - mu) / sd, (X_te - mu) / sd

loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=64, shuffle=True)  # expect: DLR204
model = nn.Sequential(nn.Linear(X.shape[1], 32), nn.ReLU(), nn.Linear(32, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
for epoch in range(20):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
torch.save(model.state_dict(), "stress_mlp.pt")  # expect: DLR501

with torch.no_grad():
    pred = model(torch.from_numpy(X_te)).argmax(1).numpy()
print("accuracy mlp", (pred == y_te).mean())  # expect: DLR401
print("accuracy logreg", logistic(X_tr, y_tr).score(X_te, y_te))
print("accuracy logreg, permuted labels", logistic(X_tr, np.random.permutation(y_tr)).score(X_te, y_te))
