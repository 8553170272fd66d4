"""Powdery-mildew resistance of barley lines from 9k SNP-array genotypes."""
import itertools
import random

import mlflow
import numpy as np
import torch
from torch import nn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

random.seed(1)
np.random.seed(1)
torch.manual_seed(1)
torch.use_deterministic_algorithms(True)

geno = np.load("data/barley_snps.npz")
X, y = geno["dosage"].astype(np.float32), geno["resistant"].astype(np.float32)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=1)


def fit(X, y, hidden, lr, epochs=200):
    model = nn.Sequential(nn.Linear(X.shape[1], hidden), nn.ReLU(), nn.Dropout(0.5), nn.Linear(hidden, 1))
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=1e-3)
    for _ in range(epochs):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(model(torch.from_numpy(X)).squeeze(-1), torch.from_numpy(y))
        loss.backward()
        opt.step()
    return model.eval()


def proba(model, X):
    with torch.no_grad():
        return torch.sigmoid(model(torch.from_numpy(X)).squeeze(-1)).numpy()


mlflow.set_experiment("barley-mildew")
best = (-1.0, None)
for hidden, lr in itertools.product([32, 128, 512], [1e-3, 1e-2, 1e-1]):
    with mlflow.start_run(nested=True):
        ap = average_precision_score(y_val, proba(fit(X_train, y_train, hidden, lr), X_val))
        mlflow.log_params({"hidden": hidden, "lr": lr})
        mlflow.log_metric("val_auprc", ap)
    if ap > best[0]:
        best = (ap, (hidden, lr))

net = fit(X_dev, y_dev, *best[1])
gbm = GradientBoostingClassifier(random_state=0)  # expect: DLR302
gbm.fit(X_dev, y_dev)
null_gbm = GradientBoostingClassifier(random_state=0).fit(X_dev, np.random.permutation(y_dev))
print("AUPRC net", average_precision_score(y_test, proba(net, X_test)))
print("AUPRC gbm", average_precision_score(y_test, gbm.predict_proba(X_test)[:, 1]))
print("AUPRC gbm, permuted labels", average_precision_score(y_test, null_gbm.predict_proba(X_test)[:, 1]))
