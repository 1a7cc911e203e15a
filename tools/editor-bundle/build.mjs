// Builds safetykg/web/static/vendor/codemirror-sparql.<version>.js from entry.js (one minified IIFE defining the
// global CodeMirrorSPARQL) and, beside it, the licence texts of every package that went into it.
// Run from this folder: `npm ci && npm run build`. The version in the names is @codemirror/view's.
import { readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const version = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).version;
const out = "../../safetykg/web/static/vendor";
const stem = `codemirror-sparql.${version("@codemirror/view")}`;

const result = await build({
  entryPoints: ["entry.js"],
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "CodeMirrorSPARQL",
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  metafile: true,
  banner: {
    js: `/* CodeMirror 6 and its SPARQL mode, bundled for safetykg (tools/editor-bundle). MIT licensed: ${stem}.LICENSE.txt */`,
  },
  outfile: `${out}/${stem}.js`,
});

const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const found = input.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (found) packages.add(found[1]);
}
const texts = [...packages].sort().map((name) => {
  const licence = ["LICENSE", "LICENSE.md", "LICENSE.txt"].map((file) => {
    try {
      return readFileSync(`node_modules/${name}/${file}`, "utf8");
    } catch {
      return null;
    }
  }).find((text) => text !== null);
  if (!licence) throw new Error(`node_modules/${name}: no LICENSE file`);
  return `${name} ${version(name)}\n${"=".repeat(name.length + version(name).length + 1)}\n\n${licence.trim()}\n`;
});
writeFileSync(`${out}/${stem}.LICENSE.txt`, `The packages bundled in ${stem}.js, each with its licence.\n\n${texts.join("\n")}`);
console.log(`${out}/${stem}.js: ${[...packages].sort().map((n) => `${n}@${version(n)}`).join(", ")}`);
