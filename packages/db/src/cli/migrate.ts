// `pnpm --filter @tessera/db migrate`: applies prisma/migrations to DATABASE_URL, offline. The same
// history `prisma migrate deploy` would write, for machines that cannot fetch Prisma's schema engine.
import { requireDatabaseUrl } from "../env.ts";
import { DbError, redactUrl } from "../errors.ts";
import { applyMigrations } from "../migrate.ts";

try {
  const url = requireDatabaseUrl();
  const started = performance.now();
  const result = await applyMigrations(url, {
    onApplied: (m) => console.log(`applied ${m.name} (${m.durationMs.toFixed(0)} ms)`),
  });
  for (const name of result.unknown) {
    console.warn(`warning: ${name} is applied in the database but missing from prisma/migrations`);
  }
  const total = (performance.now() - started).toFixed(0);
  console.log(
    result.applied.length === 0
      ? `${redactUrl(url)} is up to date (${result.alreadyApplied.length} migrations)`
      : `applied ${result.applied.length} migration(s) to ${redactUrl(url)} in ${total} ms`,
  );
} catch (error) {
  console.error(error instanceof DbError ? `${error.name} [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
}
