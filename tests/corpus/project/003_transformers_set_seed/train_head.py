"""Thermophilic vs. mesophilic proteins from mean-pooled ESM-2 embeddings (data/embeddings.npz)."""
import numpy as np
import torch
from torch import nn
from transformers import set_seed
from sklearn.metrics import average_precision_score, matthews_corrcoef
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.utils import shuffle

SEED = 42


class Head(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.layers = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, 128), nn.GELU(), nn.Linear(128, 1))

    def forward(self, x):
        return self.layers(x).squeeze(-1)


class HeadTrainer:
    def __init__(self, model: nn.Module, lr: float, epochs: int):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)
        self.epochs = epochs
        self.loss_fn = nn.BCEWithLogitsLoss()

    def fit(self, X: torch.Tensor, y: torch.Tensor, batch_size: int = 128):
        gen = torch.Generator().manual_seed(SEED)
        for _ in range(self.epochs):
            order = torch.randperm(len(X), generator=gen)
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                self.opt.zero_grad()
                loss = self.loss_fn(self.model(X[idx]), y[idx])
                loss.backward()
                self.opt.step()
        return self

    @torch.no_grad()
    def predict_proba(self, X: torch.Tensor) -> np.ndarray:
        return torch.sigmoid(self.model(X)).numpy()


if __name__ == "__main__":
    set_seed(SEED)
    torch.use_deterministic_algorithms(True)
    data = np.load("data/embeddings.npz")
    X, y = data["embeddings"].astype(np.float32), data["thermophilic"].astype(np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    head = HeadTrainer(Head(X.shape[1]), lr=0.01, epochs=40).fit(torch.from_numpy(X_tr), torch.from_numpy(y_tr))
    p_head = head.predict_proba(torch.from_numpy(X_te))
    svm = SVC(C=1.0, kernel="rbf").fit(X_tr, y_tr)
    s_svm = svm.decision_function(X_te)

    y_perm = shuffle(y_tr, random_state=SEED)  # label-shuffle control
    null = HeadTrainer(Head(X.shape[1]), lr=0.01, epochs=40).fit(torch.from_numpy(X_tr), torch.from_numpy(y_perm))
    p_null = null.predict_proba(torch.from_numpy(X_te))

    for name, s, thr in [("head", p_head, 0.5), ("svm", s_svm, 0.0), ("head, shuffled labels", p_null, 0.5)]:
        ap = average_precision_score(y_te, s)
        mcc = matthews_corrcoef(y_te, s > thr)
        print(f"{name}: AUPRC={ap:.3f} MCC={mcc:.3f}")
