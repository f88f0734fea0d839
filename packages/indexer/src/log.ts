// Structured logging for the indexer: JSON lines when a machine reads stderr (CI, a log collector,
// `TESSERA_LOG_FORMAT=json`), one readable line per entry when a person watches a terminal.
// Hand-written rather than pino: four levels, bound fields and two formats are all we need, and the
// indexer's log volume (a line per retry or per few seconds of progress) never makes speed matter.
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;
export type LogFormat = "json" | "pretty";

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every entry (the child's own fields win on a clash). */
  child(fields: LogFields): Logger;
}

export type LogEntry = { time: string; level: LogLevel; msg: string } & LogFields;

export type LoggerOptions = {
  level?: LogLevel;
  format?: LogFormat;
  /** Where finished lines go (one call per line, newline included); stderr by default. */
  write?: (line: string) => void;
  fields?: LogFields;
  now?: () => Date;
};

const logEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  TESSERA_LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
});

/** Level and format from `LOG_LEVEL` and `TESSERA_LOG_FORMAT`; JSON unless stderr is a terminal. */
export function loggerOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  isTTY = Boolean(process.stderr.isTTY),
): { level: LogLevel; format: LogFormat } {
  const parsed = logEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid logging environment:\n${z.prettifyError(parsed.error)}`);
  return {
    level: parsed.data.LOG_LEVEL,
    format: parsed.data.TESSERA_LOG_FORMAT ?? (isTTY ? "pretty" : "json"),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const fromEnv = options.level && options.format ? undefined : loggerOptionsFromEnv();
  const level = options.level ?? fromEnv!.level;
  const format = options.format ?? fromEnv!.format;
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const threshold = LOG_LEVELS.indexOf(level);

  const make = (bound: LogFields): Logger => {
    const emit = (entryLevel: LogLevel) => (msg: string, fields?: LogFields) => {
      if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
      const entry: LogEntry = { ...bound, ...fields, time: now().toISOString(), level: entryLevel, msg };
      write(format === "json" ? formatJsonLine(entry) : formatPrettyLine(entry));
    };
    return {
      debug: emit("debug"),
      info: emit("info"),
      warn: emit("warn"),
      error: emit("error"),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make(options.fields ?? {});
}

/** Drops everything: the default where a caller passes no logger. */
export const silentLogger: Logger = createLogger({ level: "error", format: "json", write: () => {} });

// bigint and Error do not survive JSON.stringify on their own.
function toPlain(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

export function formatJsonLine(entry: LogEntry): string {
  const { time, level, msg, ...fields } = entry;
  return `${JSON.stringify({ time, level, msg, ...fields }, toPlain)}\n`;
}

export function formatPrettyLine(entry: LogEntry): string {
  const { time, level, msg, ...fields } = entry;
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const plain = toPlain(key, value);
      if (typeof plain !== "string") return `${key}=${JSON.stringify(plain, toPlain)}`;
      return `${key}=${/[\s"=]/.test(plain) || plain === "" ? JSON.stringify(plain) : plain}`;
    });
  return `${time.slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${[msg, ...pairs].join(" ")}\n`;
}
