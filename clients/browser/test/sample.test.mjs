// The compiler catches a mismatch (issue 15): TeamBoard's page (samples/TeamBoard/wwwroot/board.js, plain JavaScript
// with // @ts-check) passes its type check against the declarations the sample's build writes; in a copy of the
// sample whose MoveCard names its member CardNumber instead of CardId, the build writes new declarations and the
// same page fails the check with a message naming the member; so does a renamed member of the board update's Card
// (System.Text.Json's BoardSnapshot, typed by the generated ServerUpdates).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const tsc = join(root, "clients/browser/node_modules/.bin/tsc");

function typeCheck(project) {
  return spawnSync(tsc, ["-p", join(project, "tsconfig.json")], { encoding: "utf8", timeout: 120000 });
}

test("the sample page passes its type check against the generated declarations", () => {
  const result = typeCheck(join(root, "samples/TeamBoard"));
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test("a renamed member of a browser action or of an update fails the sample page's type check, naming the member", { timeout: 600000 }, () => {
  // A sibling of the sample, so its relative project references and the repository's build settings still apply.
  const copy = join(root, "samples", `TeamBoard.mismatch-${process.pid}`);
  try {
    cpSync(join(root, "samples/TeamBoard"), copy, { recursive: true, filter: (path) => !/[\\/](bin|obj)$/.test(path) });
    const action = join(copy, "Actions/MoveCard.cs");
    const source = readFileSync(action, "utf8");
    assert.match(source, /int CardId/);
    writeFileSync(action, source.replace("int CardId", "int CardNumber"));
    writeFileSync(join(copy, "BoardHandler.cs"), readFileSync(join(copy, "BoardHandler.cs"), "utf8").replaceAll("action.CardId", "action.CardNumber").replaceAll("card.Title", "card.Heading"));
    const card = join(copy, "Board/Card.cs");
    assert.match(readFileSync(card, "utf8"), /string Title/);
    writeFileSync(card, readFileSync(card, "utf8").replace("string Title", "string Heading"));

    const build = spawnSync("dotnet", ["build", join(copy, "TeamBoard.csproj"), "-nologo", "-v", "quiet"], { encoding: "utf8", timeout: 540000 });
    assert.equal(build.status, 0, build.stdout + build.stderr);
    const declarations = readFileSync(join(copy, "wwwroot/live-actions.d.ts"), "utf8");
    assert.match(declarations, /"cardNumber": number;/);
    assert.match(declarations, /"heading": string;/);

    const result = typeCheck(copy);
    assert.notEqual(result.status, 0, "the page still type-checks against a MoveCard without cardId");
    assert.match(result.stdout, /board\.js.*'cardId' does not exist in type 'MoveCard'/);
    assert.match(result.stdout, /board\.js.*Property 'title' does not exist on type 'Card'/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
