"""Normalise the mouse liver bulk RNA-seq count matrix for downstream analyses."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd


def filter_genes(counts: pd.DataFrame, min_cpm: float = 1.0, min_libraries: int = 3) -> pd.DataFrame:
    cpm = counts / counts.sum(axis=0) * 1e6
    keep = (cpm >= min_cpm).sum(axis=1) >= min_libraries
    return counts.loc[keep]


def log_cpm(counts: pd.DataFrame, prior: float = 1.0) -> pd.DataFrame:
    lib = counts.sum(axis=0)
    return np.log2((counts + prior) / (lib + 2 * prior) * 1e6)


def main(src: Path, dst: Path) -> None:
    counts = pd.read_csv(src, sep="\t", index_col="gene_id")
    counts = counts.loc[:, ~counts.columns.str.startswith("ERCC")]
    filtered = filter_genes(counts)
    normalised = log_cpm(filtered)
    dst.parent.mkdir(parents=True, exist_ok=True)
    normalised.to_parquet(dst)
    print(f"{counts.shape[0]} genes -> {filtered.shape[0]} kept; {counts.shape[1]} libraries")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", type=Path, default=Path("data/raw/liver_counts.tsv"))
    ap.add_argument("--out", type=Path, default=Path("data/processed/liver_logcpm.parquet"))
    args = ap.parse_args()
    main(args.counts, args.out)
