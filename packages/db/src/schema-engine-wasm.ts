// Loading Prisma's wasm schema engine, and turning its panics into errors.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { SchemaEngineError } from "./errors.ts";

// tsconfig leaves out lib "dom", where WebAssembly is typed; this is the slice used below.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// The package's entry imports the .wasm file as an ES module, which Node 24 flags as experimental (a
// warning on every run) and vitest cannot load; instantiating it by hand against the same JS glue works
// in both. Done once per process (the glue keeps the instance in module state) until a panic poisons it.
let engineClass: Promise<typeof SchemaEngine> | undefined;
export function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = createRequire(import.meta.url)
      .resolve("@prisma/schema-engine-wasm")
      .replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine as typeof SchemaEngine;
  })();
  return engineClass;
}

// The wasm reports a Rust panic's message through this global before it traps.
let lastPanic: string | undefined;
const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
registry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message) => {
    lastPanic = message;
  },
};

/**
 * Runs `work`, failing it with a SchemaEngineError if the engine panics. A panic inside an engine call
 * that awaits the database traps in a callback: it surfaces as an uncaught RuntimeError ("unreachable")
 * and the call's promise never settles, so without this trap the process crashes or hangs.
 */
export async function trapPanics<T>(work: () => Promise<T>): Promise<T> {
  let onUncaught: ((error: Error) => void) | undefined;
  const panicked = new Promise<never>((_, reject) => {
    onUncaught = (error) => {
      if (error?.name !== "RuntimeError") throw error; // not ours: let Node crash as it would have
      engineClass = undefined; // the instance is unusable after a trap
      reject(new SchemaEngineError(`Prisma's schema engine panicked: ${lastPanic ?? error.message}`, error));
    };
    process.on("uncaughtException", onUncaught);
  });
  try {
    return await Promise.race([work(), panicked]);
  } finally {
    if (onUncaught) process.off("uncaughtException", onUncaught);
  }
}
