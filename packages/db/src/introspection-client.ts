// A pg client that lets Prisma's wasm schema engine (through adapter-pg 7.10) introspect a live
// database. Two gaps, each patched where it is narrowest:
//
// 1. adapter-pg maps every result column to a Prisma column type by type OID and throws on OIDs it does
//    not know, among them Postgres' internal one-byte `"char"` (OID 18), the type of pg_class.relkind,
//    pg_constraint.contype... which introspection selects. We relabel OID 18 as `text` (OID 25) in the
//    result metadata; the values already arrive as one-character strings.
// 2. PostgreSQL 18 records NOT NULL constraints in pg_constraint (contype 'n'). This engine build reads
//    every constraint that is not p/u/f as check or exclusion and panics ("unreachable") on 'n'. NOT NULL
//    is already read from pg_attribute, so we exclude 'n' in that one query, as newer engines do.
//
// Used only for the schema engine (dev tooling and tests); the app's Prisma client never needs it.
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;
const CONSTRAINT_FILTER = "contype NOT IN ('p', 'u', 'f')";
const CONSTRAINT_FILTER_PG18 = "contype NOT IN ('p', 'u', 'f', 'n')";

type Callback = (error: Error | null, result?: unknown) => void;

function relabelChar<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

// biome-ignore lint/suspicious/noExplicitAny: pg's query config is a string or one of several objects
function skipNotNullConstraints(config: any): any {
  if (typeof config === "string") return config.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18);
  if (typeof config?.text === "string") {
    return { ...config, text: config.text.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18) };
  }
  return config;
}

export class IntrospectionClient extends pg.Client {
  // pg.Client.query has many overloads; forwarding them untyped keeps this wrapper honest and short.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    const cb: Callback | undefined = typeof values === "function" ? values : callback;
    const args = typeof values === "function" ? undefined : values;
    const sql = skipNotNullConstraints(config);
    if (cb)
      return super.query(sql, args, (error: Error | null, result: unknown) => cb(error, relabelChar(result)));
    return super.query(sql, args).then(relabelChar);
  }
}
