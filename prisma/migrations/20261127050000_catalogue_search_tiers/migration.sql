-- The catalogue relevance tiers (apps/web/src/server/catalogue-relevance-sql.ts): a search first lists the
-- entries whose card name holds every word (the A weighted part of the search document), then those
-- whose name and summary do (A and B), newest first in each, then the entries that need the card body.
-- These GIN indexes answer the tier conditions, ts_filter(search, {a}) @@ query and
-- ts_filter(search, {a,b}) @@ query, and give the planner statistics for them.
-- Indexes on expressions keep nothing else in sync: catalogue_refresh and the oracle are unchanged.
-- Not part of schema.prisma: Prisma cannot describe an index on an expression, and its schema engine
-- leaves one alone. packages/db/src/catalog.ts lists them among the indexes made outside the schema.
-- (No quotes or semicolons in these comments: the Prisma schema engine splits scripts at semicolons.)
CREATE INDEX "CatalogueEntry_search_name_idx" ON "CatalogueEntry" USING GIN (ts_filter("search", '{a}'));
CREATE INDEX "CatalogueEntry_search_head_idx" ON "CatalogueEntry" USING GIN (ts_filter("search", '{a,b}'));

-- A catalogue page reads a few thousand entries at most. On a small server, starting parallel workers
-- for that costs more than it saves (seen at 2 cores: 18 ms per worker where one process took 7).
ALTER TABLE "CatalogueEntry" SET (parallel_workers = 0);
