import urllib.request
from pathlib import Path

import requests

DESCRIPTORS_URL = "https://example.org/zebrafish-tox/latest/compound_descriptors.csv"
OUTCOMES_API = "https://api.example.org/zfin-tox/outcomes"


def fetch_descriptors(dest: Path) -> Path:
    if not dest.exists():
        urllib.request.urlretrieve(DESCRIPTORS_URL, dest)  # expect: DLR208
    return dest


def fetch_outcomes(dest: Path) -> Path:
    resp = requests.get(OUTCOMES_API, params={"endpoint": "mortality_120hpf", "format": "csv"}, timeout=120)  # expect: DLR208
    resp.raise_for_status()
    dest.write_bytes(resp.content)
    return dest
