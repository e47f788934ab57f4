// The size budget of the client, on the esbuild-minified builds `npm run build` makes (dist/, never committed); the
// host serves the source file itself (src/index.js, checked by client.test.mjs and the host's BrowserClientEndpointTests).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { backoff } from "../src/index.js";

const BUDGET = 4096; // bytes, minified and gzipped (docs/browser-client.md)

test(`the minified client is under ${BUDGET} bytes gzipped`, () => {
  for (const file of ["dist/livetemplate.min.js", "dist/livetemplate.global.min.js"]) {
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    assert.ok(size < BUDGET, `${file} is ${size} bytes gzipped`);
  }
});

test("the file the host serves is one module a browser loads alone: src/index.js imports nothing", async () => {
  const { metafile } = await build({ entryPoints: ["src/index.js"], bundle: true, write: false, metafile: true, logLevel: "silent" });
  assert.deepEqual(Object.keys(metafile.inputs), ["src/index.js"]);
});

test("backoff doubles per attempt up to the cap, with jitter over its upper half", () => {
  assert.equal(backoff(0, 500, 10000, () => 0), 250);
  assert.equal(backoff(0, 500, 10000, () => 1), 500);
  assert.equal(backoff(3, 500, 10000, () => 1), 4000);
  assert.equal(backoff(10, 500, 10000, () => 1), 10000);
  assert.equal(backoff(1000, 500, 10000, () => 0.5), 7500);
});
