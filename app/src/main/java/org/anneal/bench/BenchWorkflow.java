package org.anneal.bench;

/** The benchmark's workflow file: the same shape as workflows/01-linear-regression.json. */
final class BenchWorkflow {
    private BenchWorkflow() {
    }

    static String text(String csvName) {
        return """
                {
                  "format": "anneal-workflow",
                  "version": 1,
                  "meta": { "title": "benchmark pipeline", "seed": 42, "device": "cpu" },
                  "nodes": [
                    { "id": "load", "type": "data.csv", "params": { "path": "%s", "target": "y" } },
                    { "id": "split", "type": "split.holdout", "params": { "test": 0.2 } },
                    { "id": "scale", "type": "prepare.standardize" },
                    { "id": "scale_test", "type": "prepare.apply" },
                    { "id": "ridge", "type": "model.ridge", "params": { "lambda": 0.1 } },
                    { "id": "fit", "type": "train.fit" },
                    { "id": "score", "type": "evaluate.regression" }
                  ],
                  "links": [
                    { "from": "load:table", "to": "split:table" },
                    { "from": "split:train", "to": "scale:fit" },
                    { "from": "split:train", "to": "scale:data" },
                    { "from": "scale:state", "to": "scale_test:state" },
                    { "from": "split:test", "to": "scale_test:data" },
                    { "from": "ridge:learner", "to": "fit:learner" },
                    { "from": "scale:out", "to": "fit:train" },
                    { "from": "fit:model", "to": "score:model" },
                    { "from": "scale_test:out", "to": "score:data" }
                  ]
                }
                """.formatted(csvName);
    }
}
