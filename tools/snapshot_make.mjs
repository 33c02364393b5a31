// Experiment of issue 15, point 5: a Pyodide memory snapshot made after the worker's steps with
// calc imported. Usage: node tools/snapshot_make.mjs CONFIG_JSON  (as tools/stdlib_build.mjs,
// with "stdlib": the trimmed zip and "out": the snapshot file). Prints its size.
import { writeFileSync } from "node:fs";
import { startLikeWorker } from "./stdlib_build.mjs";

const config = JSON.parse(process.argv[2]);
const pyodide = await startLikeWorker({ ...config, options: { _makeSnapshot: true } });
// Every rekenhulp imported and its rules read, so the first answer after a restore computes only.
pyodide.runPython(`
import json
from calc import api, csv_nl
for name in api.CALCULATORS:
    api.render(name, json.dumps(api.CALCULATORS[name].EXAMPLE))
`);
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(config.out, snapshot);
console.log(snapshot.length);
