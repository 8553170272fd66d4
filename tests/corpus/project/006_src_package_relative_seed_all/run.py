"""Entry point: PYTHONPATH=src python run.py --seed 0"""
import argparse

from wingnet.train import main

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    main(parser.parse_args().seed)
