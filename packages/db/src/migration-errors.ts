// Errors of the migration runner. They mirror the states Prisma's own engine refuses to migrate from
// (P3009 failed migration, edited migration), so the message tells the developer what Prisma would.
import { DbError } from "./errors.ts";

export class MigrationsDirectoryError extends DbError {
  override name = "MigrationsDirectoryError";
  readonly path: string;
  constructor(message: string, path: string) {
    super("MIGRATIONS_DIRECTORY_INVALID", `${message} (${path})`);
    this.path = path;
  }
}

export class MigrationChecksumMismatchError extends DbError {
  override name = "MigrationChecksumMismatchError";
  readonly migrationName: string;
  readonly appliedChecksum: string;
  readonly fileChecksum: string;
  constructor(migrationName: string, appliedChecksum: string, fileChecksum: string) {
    super(
      "MIGRATION_CHECKSUM_MISMATCH",
      `Migration ${migrationName} was edited after it was applied (applied checksum ${appliedChecksum}, ` +
        `file checksum ${fileChecksum}). Never edit an applied migration: restore it and add a new one.`,
    );
    this.migrationName = migrationName;
    this.appliedChecksum = appliedChecksum;
    this.fileChecksum = fileChecksum;
  }
}

export class MigrationFailedEarlierError extends DbError {
  override name = "MigrationFailedEarlierError";
  readonly migrationNames: string[];
  constructor(migrationNames: string[]) {
    super(
      "MIGRATION_FAILED_EARLIER",
      `Migration ${migrationNames.join(", ")} failed earlier and is recorded as failed in _prisma_migrations; ` +
        "no new migrations will be applied. Fix the database by hand, then mark it rolled back " +
        "(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ...) " +
        "or run `prisma migrate resolve` where Prisma's engine is available.",
    );
    this.migrationNames = migrationNames;
  }
}

export class MigrationFailedError extends DbError {
  override name = "MigrationFailedError";
  readonly migrationName: string;
  readonly rolledBack: boolean;
  constructor(migrationName: string, rolledBack: boolean, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const state = rolledBack
      ? "It ran in a transaction that was rolled back: the database is unchanged."
      : "It ran outside a transaction (it manages its own) and is recorded as failed, as Prisma does.";
    super("MIGRATION_FAILED", `Migration ${migrationName} failed: ${reason}. ${state}`, { cause });
    this.migrationName = migrationName;
    this.rolledBack = rolledBack;
  }
}
