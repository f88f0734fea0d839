import { z } from "zod";
import {
  CURRENCIES,
  CURRENCY_DECIMALS,
  type CurrencySymbol,
  fromBaseUnits,
  KINDS,
  type KindParam,
  RIGHTS,
  type Right,
  SORT_LABEL,
  SORTS,
  type Sort,
  toBaseUnits,
} from "./catalogue-terms.ts";

export * from "./catalogue-terms.ts";

// The catalogue's state lives in the URL (so a search can be shared): this module turns /explore's
// search params into a validated CatalogueQuery and back. Nothing a visitor types can make the page
// fail: a bad value is dropped or corrected, and a notice says what happened, in words.

export const PAGE_SIZE = 24;
const MAX_QUERY_LENGTH = 200;

/**
 * A keyset cursor: the sort key and asset id of the last item of the previous page, or (`b: 1`, going
 * back) of the first item of the next page: the page is then the PAGE_SIZE items just before it.
 */
export const cursorSchema = z.object({
  s: z.enum(SORTS),
  // A sort key as the database printed it: an integer (time in ms, count, wei) or a rank (0.0607927).
  k: z.string().regex(/^\d{1,80}(\.\d{1,60})?$/),
  id: z.string().regex(/^\d{1,30}$/),
  b: z.literal(1).optional(),
});
export type Cursor = z.infer<typeof cursorSchema>;

export type CatalogueQuery = {
  q: string | null;
  kind: KindParam | null;
  task: string | null;
  rights: Right[];
  currency: CurrencySymbol | null;
  /** Bounds in the currency's smallest unit (wei, micro-tUSD), as decimal strings. */
  minPrice: string | null;
  maxPrice: string | null;
  staked: boolean;
  clinical: boolean;
  sort: Sort;
  cursor: Cursor | null;
};

export type ParsedCatalogueQuery = { query: CatalogueQuery; notices: string[] };

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(","));

const flag = z
  .enum(["1", "true", "on", "yes", "0", "false", "off", "no", ""])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));
const taskId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/);
/** A price a person types: "0.05", "180", "1,200.50". */
const amount = z
  .string()
  .transform((v) => v.replace(/[,\s_]/g, ""))
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,18})?$/));

/** Validates /explore's search params. Never throws: bad values are dropped with a notice. */
export function parseCatalogueQuery(params: RawParams): ParsedCatalogueQuery {
  const notices: string[] = [];
  const query: CatalogueQuery = {
    q: null,
    kind: null,
    task: null,
    rights: [],
    currency: null,
    minPrice: null,
    maxPrice: null,
    staked: false,
    clinical: false,
    sort: "relevance",
    cursor: null,
  };

  const q = first(params.q)?.replace(/\s+/g, " ").trim() ?? "";
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push(`Search words were cut to ${MAX_QUERY_LENGTH} characters.`);
    query.q = q.slice(0, MAX_QUERY_LENGTH);
  } else if (q !== "") query.q = q;

  const kind = first(params.kind);
  if (kind && kind !== "all") {
    const parsed = z.enum(KINDS).safeParse(kind.toLowerCase());
    if (parsed.success) query.kind = parsed.data;
    else notices.push(`"${clip(kind)}" is not a kind of asset; showing models and datasets.`);
  }

  const task = first(params.task);
  if (task && task !== "all") {
    const parsed = taskId.safeParse(task.toLowerCase());
    if (parsed.success) query.task = parsed.data;
    else notices.push(`"${clip(task)}" is not a task name; showing every task.`);
  }

  for (const right of all(params.rights)) {
    const parsed = z.enum(RIGHTS).safeParse(right.trim().toLowerCase());
    if (parsed.success) {
      if (!query.rights.includes(parsed.data)) query.rights.push(parsed.data);
    } else if (right.trim() !== "") notices.push(`"${clip(right)}" is not a usage right and was ignored.`);
  }
  query.rights.sort((a, b) => RIGHTS.indexOf(a) - RIGHTS.indexOf(b));

  const currency = first(params.currency);
  if (currency && currency !== "any") {
    const match = CURRENCIES.find((c) => c.toLowerCase() === currency.toLowerCase());
    if (match) query.currency = match;
    else notices.push(`"${clip(currency)}" is not a currency offers are priced in; showing every currency.`);
  }

  for (const [key, label] of [
    ["minPrice", "minimum"],
    ["maxPrice", "maximum"],
  ] as const) {
    const raw = first(params[key])?.trim();
    if (!raw) continue;
    const parsed = amount.safeParse(raw);
    if (!parsed.success) {
      notices.push(`The ${label} price "${clip(raw)}" is not a number and was ignored.`);
      continue;
    }
    if (!query.currency) {
      notices.push(`A ${label} price needs a currency: choose ETH or tUSD to filter by price.`);
      continue;
    }
    const base = toBaseUnits(parsed.data, CURRENCY_DECIMALS[query.currency]);
    if (base === null) {
      notices.push(`The ${label} price has more decimals than ${query.currency} has; it was ignored.`);
      continue;
    }
    query[key] = base;
  }
  if (query.minPrice && query.maxPrice && BigInt(query.minPrice) > BigInt(query.maxPrice)) {
    notices.push("The minimum price was above the maximum; they were swapped.");
    [query.minPrice, query.maxPrice] = [query.maxPrice, query.minPrice];
  }

  for (const key of ["staked", "clinical"] as const) {
    const raw = first(params[key]);
    if (raw === undefined) continue;
    const parsed = flag.safeParse(raw.toLowerCase());
    if (parsed.success) query[key] = parsed.data;
    else notices.push(`"${clip(raw)}" is not yes or no; the ${key} filter was left off.`);
  }

  const sort = first(params.sort);
  if (sort) {
    const parsed = z.enum(SORTS).safeParse(sort);
    if (parsed.success) query.sort = parsed.data;
    else notices.push(`"${clip(sort)}" is not a way to sort; sorted by ${defaultSort(query).toLowerCase()}.`);
  }
  if (!sort || !SORTS.includes(sort as Sort)) query.sort = query.q ? "relevance" : "newest";
  if (query.sort === "relevance" && !query.q) query.sort = "newest";
  if (query.sort === "price" && !query.currency) {
    query.currency = "ETH";
    notices.push("Prices are compared in one currency: showing offers in ETH. Choose tUSD to compare those.");
  }

  const cursor = first(params.cursor);
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (decoded && decoded.s === query.sort) query.cursor = decoded;
    else notices.push("That page link no longer matches the search; showing the first page.");
  }
  return { query, notices };
}

function defaultSort(query: CatalogueQuery): string {
  return query.q ? SORT_LABEL.relevance : SORT_LABEL.newest;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

// base64url of the cursor's JSON (ASCII only: the schema allows digits, sort names and numbers).
export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(value: string): Cursor | null {
  if (value.length > 400) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(atob(value.replace(/-/g, "+").replace(/_/g, "/"))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The URL search params for `query` (defaults left out), e.g. for links to the next page. */
export function toSearchParams(
  query: CatalogueQuery,
  overrides: Partial<CatalogueQuery> = {},
): URLSearchParams {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.kind) params.set("kind", q.kind);
  if (q.task) params.set("task", q.task);
  if (q.rights.length > 0) params.set("rights", q.rights.join(","));
  if (q.currency) params.set("currency", q.currency);
  if (q.currency && q.minPrice)
    params.set("minPrice", fromBaseUnits(q.minPrice, CURRENCY_DECIMALS[q.currency]));
  if (q.currency && q.maxPrice)
    params.set("maxPrice", fromBaseUnits(q.maxPrice, CURRENCY_DECIMALS[q.currency]));
  if (q.staked) params.set("staked", "1");
  if (q.clinical) params.set("clinical", "1");
  if (q.sort !== (q.q ? "relevance" : "newest")) params.set("sort", q.sort);
  if (q.cursor) params.set("cursor", encodeCursor(q.cursor));
  return params;
}

export function exploreHref(query: CatalogueQuery, overrides: Partial<CatalogueQuery> = {}): string {
  const params = toSearchParams(query, overrides).toString();
  return params ? `/explore?${params}` : "/explore";
}
