"""Classify E. coli sigma70 promoters vs. background sequence with a 1-D CNN in Lightning."""
import lightning as L
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

ALPHABET = "ACGT"
SEED = 7


def one_hot(seq: str) -> np.ndarray:
    out = np.zeros((4, len(seq)), dtype=np.float32)
    for i, base in enumerate(seq.upper()):
        if base in ALPHABET:
            out[ALPHABET.index(base), i] = 1.0
    return out


class PromoterCNN(L.LightningModule):
    def __init__(self, lr: float = 0.01):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Conv1d(4, 32, kernel_size=9, padding=4), nn.ReLU(), nn.AdaptiveMaxPool1d(1),
            nn.Flatten(), nn.Linear(32, 1),
        )
        self.loss = nn.BCEWithLogitsLoss()

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr, momentum=0.9)


def fit_cnn(X, y):
    loader = DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=64,
                        shuffle=True, generator=torch.Generator().manual_seed(SEED))
    model = PromoterCNN(lr=0.01)
    L.Trainer(max_epochs=20, deterministic=True, accelerator="cpu", logger=False).fit(model, loader)
    return model.eval()


if __name__ == "__main__":
    L.seed_everything(SEED, workers=True)
    torch.use_deterministic_algorithms(True)
    seqs, labels = [], []
    with open("data/promoters.tsv") as fh:
        for line in fh:
            seq, label = line.rstrip("\n").split("\t")
            seqs.append(seq)
            labels.append(int(label))
    X = np.stack([one_hot(s) for s in seqs])
    y = np.array(labels, dtype=np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

    cnn = fit_cnn(X_tr, y_tr)
    null_cnn = fit_cnn(X_tr, np.random.permutation(y_tr))  # label-permutation control
    logreg = LogisticRegression(C=0.1, max_iter=2000).fit(X_tr.reshape(len(X_tr), -1), y_tr)
    with torch.no_grad():
        p_cnn = torch.sigmoid(cnn(torch.from_numpy(X_te))).numpy()
        p_null = torch.sigmoid(null_cnn(torch.from_numpy(X_te))).numpy()
    p_lr = logreg.predict_proba(X_te.reshape(len(X_te), -1))[:, 1]
    for name, p in [("cnn", p_cnn), ("logreg", p_lr), ("cnn, permuted labels", p_null)]:
        print(name, "AUPRC", round(average_precision_score(y_te, p), 3), "F1", round(f1_score(y_te, p > 0.5), 3))
