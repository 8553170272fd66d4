"""Referable diabetic retinopathy from fundus-image-derived lesion counts and patient labs."""
import numpy as np
import pandas as pd
import torch
from safetensors.torch import save_file
from torch import nn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

torch.manual_seed(3)
np.random.seed(3)
torch.use_deterministic_algorithms(True)

FEATURES = ["microaneurysms", "haemorrhages", "exudates", "hba1c", "diabetes_years", "systolic_bp"]
exams = pd.read_csv("data/screening_exams.csv")
X = exams[FEATURES].to_numpy(np.float32)
y = exams["referable_dr"].to_numpy(np.float32)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=3)
mu, sd = X_tr.mean(0), X_tr.std(0)
X_tr, X_te = (X_tr - mu) / sd, (X_te - mu) / sd

net = nn.Sequential(nn.Linear(len(FEATURES), 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
for step in range(500):
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(net(torch.from_numpy(X_tr)).squeeze(-1), torch.from_numpy(y_tr))
    loss.backward()
    opt.step()
save_file(net.state_dict(), "weights/classifier.safetensors")

with torch.no_grad():
    p_net = torch.sigmoid(net(torch.from_numpy(X_te)).squeeze(-1)).numpy()
gbm = GradientBoostingClassifier(random_state=3).fit(X_tr, y_tr)
null = GradientBoostingClassifier(random_state=3).fit(X_tr, np.random.permutation(y_tr))
for name, p in [("mlp", p_net), ("gbm", gbm.predict_proba(X_te)[:, 1]), ("gbm, permuted", null.predict_proba(X_te)[:, 1])]:
    print(f"{name}: AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")
