"""Does a small neural network beat logistic regression at breast cancer diagnosis?

Trains a two-layer perceptron (PyTorch) and a logistic-regression baseline on the same split of scikit-learn's
breast cancer data, and writes the test metrics to results.json.

Deliberate flaw, for `dlreview reproduce` to confirm at run time: the features are standardised with a scaler
fit on all rows, before the split, so the test rows leak into the preprocessing.
"""
import json
import os

import numpy as np
import torch
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

X, y = load_breast_cancer(return_X_y=True)
X = StandardScaler().fit_transform(X)  # the leak: fit on all rows, test rows included
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

# Baseline
baseline = LogisticRegression(max_iter=1000)
baseline.fit(X_train, y_train)
baseline_accuracy = accuracy_score(y_test, baseline.predict(X_test))
baseline_auc = roc_auc_score(y_test, baseline.predict_proba(X_test)[:, 1])
print(f"logistic regression: accuracy={baseline_accuracy:.4f} roc_auc={baseline_auc:.4f}")

# The label-shuffle control of `dlreview reproduce` permutes scikit-learn's labels itself; a custom training
# loop opts in by permuting its own training labels when asked to.
labels = y_train
if os.environ.get("DLREVIEW_SHUFFLE_LABELS") == "1":
    labels = np.random.default_rng(int(os.environ.get("DLREVIEW_SEED") or 0)).permutation(y_train)

model = torch.nn.Sequential(torch.nn.Linear(X.shape[1], 16), torch.nn.ReLU(), torch.nn.Linear(16, 1)).to(device)
inputs = torch.tensor(X_train, dtype=torch.float32, device=device)
targets = torch.tensor(labels, dtype=torch.float32, device=device).unsqueeze(1)
for epoch in range(300):  # full-batch gradient descent, learning rate 0.1
    model.zero_grad()
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(inputs), targets)
    loss.backward()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter -= 0.1 * parameter.grad

with torch.no_grad():
    scores = torch.sigmoid(model(torch.tensor(X_test, dtype=torch.float32, device=device))).squeeze(1).cpu().numpy()
mlp_accuracy = accuracy_score(y_test, scores > 0.5)
mlp_auc = roc_auc_score(y_test, scores)
print(f"MLP: accuracy={mlp_accuracy:.4f} roc_auc={mlp_auc:.4f} (on {device})")

with open("results.json", "w") as stream:
    json.dump({"mlp": {"accuracy": mlp_accuracy, "roc_auc": mlp_auc},
               "logistic_regression": {"accuracy": baseline_accuracy, "roc_auc": baseline_auc}}, stream, indent=2)
