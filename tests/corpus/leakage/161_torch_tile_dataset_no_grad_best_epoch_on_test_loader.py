"""Metastasis detection on lymph-node tiles: ResNet-18 fine-tuning with a custom Dataset."""
import argparse

import pandas as pd
import torch
from PIL import Image
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms

NORMALISE = transforms.Normalize(mean=[0.702, 0.546, 0.696], std=[0.239, 0.282, 0.216])


class TileDataset(Dataset):
    def __init__(self, frame, train=False):
        self.paths = frame["path"].tolist()
        self.labels = frame["tumor"].astype("float32").tolist()
        aug = [transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip(), transforms.ColorJitter(0.1, 0.1, 0.1)]
        self.tf = transforms.Compose((aug if train else []) + [transforms.ToTensor(), NORMALISE])

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.tf(img), torch.tensor(self.labels[i])


def train_epoch(model, loader, optimizer, criterion, device):
    model.train()
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        optimizer.zero_grad()
        loss = criterion(model(images).squeeze(1), targets)
        loss.backward()
        optimizer.step()


def evaluate(model, loader, device):
    model.eval()
    probs, ys = [], []
    with torch.no_grad():
        for images, targets in loader:
            probs.append(torch.sigmoid(model(images.to(device)).squeeze(1)).cpu())
            ys.append(targets)
    return roc_auc_score(torch.cat(ys).numpy(), torch.cat(probs).numpy())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tiles", default="tiles_index.csv")
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tiles = pd.read_csv(args.tiles).drop_duplicates()
    train_df, test_df = train_test_split(tiles, test_size=0.2, stratify=tiles["tumor"], random_state=0)
    train_loader = DataLoader(TileDataset(train_df, train=True), batch_size=64, shuffle=True, num_workers=8)
    test_loader = DataLoader(TileDataset(test_df), batch_size=256, num_workers=8)

    model = models.resnet18(weights="IMAGENET1K_V1")
    model.fc = nn.Linear(model.fc.in_features, 1)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)
    criterion = nn.BCEWithLogitsLoss()

    best_auc = 0.0
    for epoch in range(args.epochs):
        train_epoch(model, train_loader, optimizer, criterion, device)
        auc = evaluate(model, test_loader, device)  # expect: DLR105
        if auc > best_auc:
            best_auc = auc
            torch.save(model.state_dict(), "resnet18_best.pt")
        print(f"epoch {epoch + 1}: test AUC {auc:.4f} (best {best_auc:.4f})")


if __name__ == "__main__":
    main()
