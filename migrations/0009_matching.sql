CREATE TABLE "match_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"scope" text[],
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_suggestions" (
	"side" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"weights_version" integer NOT NULL,
	CONSTRAINT "match_suggestions_side_subject_id_candidate_id_pk" PRIMARY KEY("side","subject_id","candidate_id"),
	CONSTRAINT "match_suggestions_side" CHECK ("match_suggestions"."side" in ('request', 'offer'))
);
--> statement-breakpoint
CREATE TABLE "match_weights" (
	"version" integer PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "matches_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"state_organisation_id" uuid NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"scope" text[] DEFAULT '{}'::text[] NOT NULL,
	"score" real,
	"reasons" jsonb,
	"weights_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consented_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "matches_seq_unique" UNIQUE("seq"),
	CONSTRAINT "matches_state" CHECK ("matches"."state" in ('proposed', 'accepted', 'consented', 'active', 'closed', 'declined', 'revoked')),
	CONSTRAINT "matches_proposed_by" CHECK ("matches"."proposed_by" in ('provider', 'secretariat', 'state'))
);
--> statement-breakpoint
CREATE TABLE "matching_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"weights_version" integer NOT NULL,
	"current_to" timestamp with time zone NOT NULL,
	"document_frequencies" jsonb NOT NULL,
	"documents" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_request_grants" ADD COLUMN "fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_events_match" ON "match_events" USING btree ("match_id","at");--> statement-breakpoint
CREATE INDEX "match_suggestions_candidate" ON "match_suggestions" USING btree ("side","candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_live_pair" ON "matches" USING btree ("request_id","offer_id") WHERE "matches"."state" in ('proposed', 'accepted', 'consented', 'active');--> statement-breakpoint
CREATE INDEX "matches_request" ON "matches" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "matches_offer" ON "matches" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "matches_provider" ON "matches" USING btree ("provider_organisation_id");--> statement-breakpoint
CREATE INDEX "matches_state_organisation" ON "matches" USING btree ("state_organisation_id");