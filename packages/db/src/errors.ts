// Every failure this package raises is a DbError with a stable `code`, so callers (the dev script, the
// indexer, CI) can branch on the code instead of parsing messages. Subclasses carry the offending values.

export type DbErrorCode =
  | "INVALID_ENV"
  | "DATABASE_UNREACHABLE"
  | "MIGRATIONS_DIRECTORY_INVALID"
  | "MIGRATION_CHECKSUM_MISMATCH"
  | "MIGRATION_FAILED_EARLIER"
  | "MIGRATION_FAILED"
  | "PORT_IN_USE"
  | "DATA_DIR_IN_USE"
  | "EMBEDDED_POSTGRES_FAILED"
  | "SCHEMA_ENGINE_FAILED"
  | "GENERATE_FAILED"
  | "TEST_DATABASE_EXISTS";

export class DbError extends Error {
  override name = "DbError";
  readonly code: DbErrorCode;

  constructor(code: DbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** The innermost cause, or the first error in the cause chain that `predicate` accepts. */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    for (;;) {
      if (predicate?.(current)) return current;
      if (!(current instanceof Error) || current.cause === undefined) return predicate ? undefined : current;
      current = current.cause;
    }
  }
}

export class InvalidEnvError extends DbError {
  override name = "InvalidEnvError";
  readonly issues: string[];
  constructor(issues: string[]) {
    super("INVALID_ENV", `Invalid environment: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

export class DatabaseUnreachableError extends DbError {
  override name = "DatabaseUnreachableError";
  readonly url: string;
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("DATABASE_UNREACHABLE", `Cannot connect to ${redactUrl(url)}: ${reason}`, { cause });
    this.url = redactUrl(url);
  }
}

export class PortInUseError extends DbError {
  override name = "PortInUseError";
  readonly port: number;
  constructor(port: number) {
    super(
      "PORT_IN_USE",
      `Port ${port} is already in use, so the embedded Postgres cannot listen on it. ` +
        "Stop whatever holds it, choose another port, or set DATABASE_URL to use an existing server.",
    );
    this.port = port;
  }
}

export class DataDirInUseError extends DbError {
  override name = "DataDirInUseError";
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      "DATA_DIR_IN_USE",
      `Another Postgres (pid ${pid}) is running on ${dataDir}. Stop it (another dev server?) or set DATABASE_URL.`,
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

export class EmbeddedPostgresError extends DbError {
  override name = "EmbeddedPostgresError";
  readonly log: string;
  constructor(message: string, log: string, cause?: unknown) {
    super("EMBEDDED_POSTGRES_FAILED", log ? `${message}\n--- postgres log ---\n${log}` : message, { cause });
    this.log = log;
  }
}

export class SchemaEngineError extends DbError {
  override name = "SchemaEngineError";
  constructor(message: string, cause?: unknown) {
    super("SCHEMA_ENGINE_FAILED", message, { cause });
  }
}

export class GenerateFailedError extends DbError {
  override name = "GenerateFailedError";
  readonly output: string;
  constructor(output: string) {
    super("GENERATE_FAILED", `prisma generate failed:\n${output}`);
    this.output = output;
  }
}

/** Hides the password of a connection URL so that errors and logs can show where they connected. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable database URL>";
  }
}
