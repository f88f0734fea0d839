-- AlterTable
ALTER TABLE "ModelCard" ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE INDEX "ModelCard_search_idx" ON "ModelCard" USING GIN ("search");

-- Keep "search" current: Prisma's schema cannot express a trigger (or a generated column), so the
-- trigger lives here; schema.prisma documents it on the model.
CREATE FUNCTION "ModelCard_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER "ModelCard_search"
  BEFORE INSERT OR UPDATE OF "name", "summary", "body" ON "ModelCard"
  FOR EACH ROW EXECUTE FUNCTION "ModelCard_search_update"();

UPDATE "ModelCard" SET "name" = "name";
