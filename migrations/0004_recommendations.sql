CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"mechanism" text NOT NULL,
	"body" text,
	"cycle" smallint,
	"session" smallint,
	"year" smallint,
	"document_symbol" text,
	"paragraph" text,
	"state_under_review" char(3) NOT NULL,
	"recommending_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"text" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"response" text,
	"action_category" smallint,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"affected_persons" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	CONSTRAINT "recommendations_key_unique" UNIQUE("key"),
	CONSTRAINT "recommendations_kind" CHECK ("recommendations"."kind" in ('recommendation', 'voluntary-pledge')),
	CONSTRAINT "recommendations_mechanism" CHECK ("recommendations"."mechanism" in ('upr', 'treaty-body', 'special-procedure')),
	CONSTRAINT "recommendations_response" CHECK ("recommendations"."response" is null or "recommendations"."response" in ('supported', 'supported-in-part', 'noted', 'pending')),
	CONSTRAINT "recommendations_action_category" CHECK ("recommendations"."action_category" is null or "recommendations"."action_category" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX "recommendations_search" ON "recommendations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "recommendations_state" ON "recommendations" USING btree ("state_under_review");--> statement-breakpoint
CREATE INDEX "recommendations_recommending" ON "recommendations" USING gin ("recommending_states");--> statement-breakpoint
CREATE INDEX "recommendations_themes" ON "recommendations" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "recommendations_cycle" ON "recommendations" USING btree ("mechanism","cycle","session");