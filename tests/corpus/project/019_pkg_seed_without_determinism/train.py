"""Predict a V1 neuron's mean dF/F to natural images from image principal components."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

from calcium.utils import load_responses, seed_all

seed_all(5)
X, y = load_responses("data/v1_neuron_0137.parquet")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=5)


def fit(X, y):
    net = nn.Sequential(nn.Linear(X.shape[1], 100), nn.Softplus(), nn.Linear(100, 1))
    opt = torch.optim.SGD(net.parameters(), lr=1e-3, momentum=0.9)
    dl = DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=64,
                    shuffle=True, generator=torch.Generator().manual_seed(5))
    for _ in range(200):
        for xb, yb in dl:
            opt.zero_grad()
            loss = nn.functional.mse_loss(net(xb).squeeze(-1), yb)
            loss.backward()  # expect: DLR203
            opt.step()
    return net


net = fit(X_tr, y_tr)
null_net = fit(X_tr, np.random.permutation(y_tr))  # shuffled responses: should not generalise
ridge = Ridge(alpha=10.0).fit(X_tr, y_tr)
with torch.no_grad():
    r2_net = r2_score(y_te, net(torch.from_numpy(X_te)).squeeze(-1).numpy())
    r2_null = r2_score(y_te, null_net(torch.from_numpy(X_te)).squeeze(-1).numpy())
print(f"R2 net {r2_net:.3f}  ridge {r2_score(y_te, ridge.predict(X_te)):.3f}  permuted {r2_null:.3f}")
