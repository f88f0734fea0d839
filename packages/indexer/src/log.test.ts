import { describe, expect, it } from "vitest";
import { createLogger, formatPrettyLine, type LoggerOptions, loggerOptionsFromEnv } from "./log.ts";

const at = new Date("2026-03-04T05:06:07.089Z");

function capture(options: LoggerOptions) {
  const lines: string[] = [];
  const logger = createLogger({ now: () => at, write: (line) => void lines.push(line), ...options });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per line with time, level, message and fields", () => {
    const { logger, lines } = capture({ level: "info", format: "json" });
    logger.warn("rpc retry", { method: "eth_getLogs", attempt: 2, delayMs: 350, reason: "rate-limited" });
    expect(lines).toEqual([
      '{"time":"2026-03-04T05:06:07.089Z","level":"warn","msg":"rpc retry","method":"eth_getLogs","attempt":2,"delayMs":350,"reason":"rate-limited"}\n',
    ]);
  });

  it("drops entries below its level", () => {
    const { logger, lines } = capture({ level: "warn", format: "json" });
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["c", "d"]);
  });

  it("adds a child's bound fields to every entry, the entry's own fields winning", () => {
    const { logger, lines } = capture({ level: "debug", format: "json", fields: { service: "indexer" } });
    logger.child({ chainId: 31337, part: "rpc" }).info("hello", { part: "logs" });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      service: "indexer",
      chainId: 31337,
      part: "logs",
      msg: "hello",
    });
  });

  it("writes bigints as decimal strings and errors as name, message and code", () => {
    const { logger, lines } = capture({ level: "info", format: "json" });
    const error = Object.assign(new TypeError("socket hang up"), { code: "ECONNRESET" });
    logger.error("failed", { block: 12345678901234567890n, error });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      block: "12345678901234567890",
      error: { name: "TypeError", message: "socket hang up", code: "ECONNRESET" },
    });
  });

  it("writes one readable line on a terminal", () => {
    const { logger, lines } = capture({ level: "info", format: "pretty" });
    logger.warn("rpc retry", {
      method: "eth_getLogs",
      attempt: 2,
      error: "HTTP 503 from the RPC server",
      skip: undefined,
    });
    expect(lines).toEqual([
      '05:06:07.089 WARN  rpc retry method=eth_getLogs attempt=2 error="HTTP 503 from the RPC server"\n',
    ]);
  });

  it("prints objects in a readable line as compact JSON", () => {
    const line = formatPrettyLine({
      time: at.toISOString(),
      level: "info",
      msg: "m",
      range: { from: 1n },
      empty: "",
    });
    expect(line).toBe('05:06:07.089 INFO  m range={"from":"1"} empty=""\n');
  });

  it("keeps time, level and message from being overwritten by fields", () => {
    const { logger, lines } = capture({ level: "info", format: "json" });
    logger.info("real", { msg: "fake", level: "error", time: "never" });
    expect(JSON.parse(lines[0]!)).toEqual({ time: at.toISOString(), level: "info", msg: "real" });
  });
});

describe("loggerOptionsFromEnv", () => {
  it("picks JSON off a terminal, the readable format on one, and TESSERA_LOG_FORMAT over both", () => {
    expect(loggerOptionsFromEnv({}, false)).toEqual({ level: "info", format: "json" });
    expect(loggerOptionsFromEnv({}, true)).toEqual({ level: "info", format: "pretty" });
    expect(loggerOptionsFromEnv({ TESSERA_LOG_FORMAT: "json", LOG_LEVEL: "debug" }, true)).toEqual({
      level: "debug",
      format: "json",
    });
  });

  it("rejects an unknown level", () => {
    expect(() => loggerOptionsFromEnv({ LOG_LEVEL: "loud" }, false)).toThrow(/LOG_LEVEL/);
  });
});
