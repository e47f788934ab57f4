// Minifies the client (src/index.js) for the size budget and for pages that want the smallest file:
// dist/livetemplate.min.js (an ES module) and dist/livetemplate.global.min.js (a classic script defining the global
// LiveTemplate). Build output, never committed: the host serves src/index.js itself. test/size.test.mjs checks the budget.
import { build } from "esbuild";

const common = { entryPoints: ["src/index.js"], bundle: true, minify: true, target: "es2022", logLevel: "warning" };
await build({ ...common, format: "esm", outfile: "dist/livetemplate.min.js" });
await build({ ...common, format: "iife", globalName: "LiveTemplate", outfile: "dist/livetemplate.global.min.js" });
