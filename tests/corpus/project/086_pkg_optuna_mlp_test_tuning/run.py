"""PYTHONPATH=src python run.py"""
from sklearn.metrics import classification_report
from sklearn.neural_network import MLPClassifier

from patchseq.baselines import forest
from patchseq.data import load_split
from patchseq.tuning import tune_mlp

X_train, X_test, y_train, y_test = load_split("data/patchseq_ephys.csv")
params = tune_mlp(X_train, y_train, X_test, y_test)
mlp = MLPClassifier(hidden_layer_sizes=(params["units"],), alpha=params["alpha"], solver="lbfgs",
                    max_iter=2000, random_state=0)
mlp.fit(X_train, y_train)  # expect: DLR403
rf = forest().fit(X_train, y_train)
for name, model in [("mlp", mlp), ("random forest", rf)]:
    print(name)
    print(classification_report(y_test, model.predict(X_test)))
