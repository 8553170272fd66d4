#!/usr/bin/env bash
set -euo pipefail
# cuBLAS needs a fixed workspace for deterministic GEMMs
export CUBLAS_WORKSPACE_CONFIG=:4096:8
python train.py --data data/isic_subset --epochs 20
