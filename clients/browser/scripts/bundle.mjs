// Minifies the compiled client (dist/index.js) for pages without a bundler: dist/livetemplate.min.js (an ES module)
// and dist/livetemplate.global.min.js (a classic script defining the global LiveTemplate). The size budget is
// checked by test/size.test.mjs.
import { build } from "esbuild";

const common = { entryPoints: ["dist/index.js"], bundle: true, minify: true, target: "es2020", logLevel: "warning" };
await build({ ...common, format: "esm", outfile: "dist/livetemplate.min.js" });
await build({ ...common, format: "iife", globalName: "LiveTemplate", outfile: "dist/livetemplate.global.min.js" });
