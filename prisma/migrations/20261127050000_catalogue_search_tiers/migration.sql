-- The catalogue relevance tiers (apps/web/src/server/catalogue-sql.ts): a search first lists the
-- entries whose card name or summary holds every word (the A and B weighted part of the search
-- document), newest first, then the entries that need the card body. This GIN index answers the first
-- tier condition, ts_filter(search, {a,b}) @@ query, and gives the planner statistics for it.
-- An index on an expression keeps nothing else in sync: catalogue_refresh and the oracle are unchanged.
-- Not part of schema.prisma: Prisma cannot describe an index on an expression, and its schema engine
-- leaves one alone. packages/db/src/catalog.ts lists it among the indexes made outside the schema.
-- (No quotes or semicolons in these comments: the Prisma schema engine splits scripts at semicolons.)
CREATE INDEX "CatalogueEntry_search_head_idx" ON "CatalogueEntry" USING GIN (ts_filter("search", '{a,b}'));

-- A catalogue page reads a few thousand entries at most. On a small server, starting parallel workers
-- for that costs more than it saves (seen at 2 cores: 18 ms per worker where one process took 7).
ALTER TABLE "CatalogueEntry" SET (parallel_workers = 0);
