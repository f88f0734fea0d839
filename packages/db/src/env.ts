// The package's only environment input. Parsed with zod at the boundary so that a typo in DATABASE_URL
// fails with a readable message here instead of as a socket error deep inside pg.
import { z } from "zod";
import { InvalidEnvError } from "./errors.ts";

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" });

export const dbEnvSchema = z.object({
  // An empty value means "unset": `DATABASE_URL= pnpm test` is the easy way to force the embedded server.
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), postgresUrl.optional()),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export function readDbEnv(env: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidEnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Like readDbEnv, for commands that cannot do anything without a server to talk to. */
export function requireDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const { DATABASE_URL } = readDbEnv(env);
  if (!DATABASE_URL) throw new InvalidEnvError(["DATABASE_URL: required (postgresql://user@host:port/db)"]);
  return DATABASE_URL;
}
