import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("server/src");

/** Which server modules each module imports (folders under server/src; generated code is not a module). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const [from, ...rest] = path.relative(SRC, file).split(path.sep);
    if (!rest.length || from === "generated") continue;
    const edges = graph.get(from!) ?? new Set<string>();
    graph.set(from!, edges);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
      const [to, ...inside] = path.relative(SRC, path.resolve(path.dirname(file), spec!)).split(path.sep);
      if (inside.length && to !== from && to !== "generated" && !to!.startsWith("..")) edges.add(to!);
    }
  }
  return graph;
}

/** A path of modules that leads back to where it started, or undefined when the graph has no cycle. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] | undefined => {
    if (trail.includes(node)) return [...trail.slice(trail.indexOf(node)), node];
    if (done.has(node)) return undefined;
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("server module graph", () => {
  it("when modules import each other, then the dependencies lean one way (no cycle between modules)", () => {
    expect(findCycle(moduleGraph())).toBeUndefined();
  });

  it("when two modules depend on each other, then the check names the cycle", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(findCycle(graph)).toEqual(["a", "b", "c", "a"]);
  });
});
