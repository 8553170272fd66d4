"""Predict essential yeast genes from their expression profile across stress conditions."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from utils import make_generator, set_seed

SEED = 0


class EssentialityMLP(nn.Module):
    def __init__(self, n_in: int, hidden: int = 64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def main():
    set_seed(SEED)
    df = pd.read_csv("data/yeast_expression.csv", index_col="orf")
    y = df.pop("essential").to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        df.to_numpy(), y, test_size=0.2, stratify=y, random_state=SEED)
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

    ds = TensorDataset(torch.tensor(X_train, dtype=torch.float32), torch.tensor(y_train, dtype=torch.float32))
    loader = DataLoader(ds, batch_size=64, shuffle=True, generator=make_generator(SEED))
    model = EssentialityMLP(X_train.shape[1])
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss_fn = nn.BCEWithLogitsLoss()
    for epoch in range(30):
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()

    model.eval()
    with torch.no_grad():
        p_mlp = torch.sigmoid(model(torch.tensor(X_test, dtype=torch.float32))).numpy()
    baseline = LogisticRegression(max_iter=1000).fit(X_train, y_train)
    p_lr = baseline.predict_proba(X_test)[:, 1]
    # label-shuffle control: the baseline refit on permuted labels should be at chance
    rng = np.random.default_rng(SEED)
    null = LogisticRegression(max_iter=1000).fit(X_train, rng.permutation(y_train))
    p_null = null.predict_proba(X_test)[:, 1]
    for name, p in [("mlp", p_mlp), ("logreg", p_lr), ("logreg, permuted labels", p_null)]:
        print(f"{name}: AUPRC={average_precision_score(y_test, p):.3f} AUROC={roc_auc_score(y_test, p):.3f}")


if __name__ == "__main__":
    main()
