CREATE TABLE "recommendation_index_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "recommendation_index_version_one_row" CHECK ("recommendation_index_version"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "seq" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_seq_unique" UNIQUE("seq");--> statement-breakpoint
INSERT INTO "recommendation_index_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Every statement that changes recommendations moves the counter, whoever runs it (an import, the
-- classifier's accepted suggestions, a console session): facet indexes in memory cannot miss a change.
CREATE FUNCTION recommendations_bump_index_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE recommendation_index_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER recommendations_index_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recommendations
  FOR EACH STATEMENT EXECUTE FUNCTION recommendations_bump_index_version();
