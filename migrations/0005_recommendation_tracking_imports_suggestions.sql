CREATE TABLE "recommendation_suggestions" (
	"recommendation_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"code" text NOT NULL,
	"score" real NOT NULL,
	"model_version" text NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_suggestions_recommendation_id_scheme_code_pk" PRIMARY KEY("recommendation_id","scheme","code"),
	CONSTRAINT "recommendation_suggestions_scheme" CHECK ("recommendation_suggestions"."scheme" in ('theme', 'sdg')),
	CONSTRAINT "recommendation_suggestions_status" CHECK ("recommendation_suggestions"."status" in ('suggested', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_cluster_members" (
	"cluster_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	CONSTRAINT "recommendation_cluster_members_cluster_id_recommendation_id_pk" PRIMARY KEY("cluster_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"content" text,
	"source_path" text,
	"skip_invalid" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "recommendation_imports_status" CHECK ("recommendation_imports"."status" in ('queued', 'running', 'imported', 'unchanged', 'refused', 'failed')),
	CONSTRAINT "recommendation_imports_format" CHECK ("recommendation_imports"."format" in ('upr-info', 'item10-csv', 'item10-jsonl'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state_iso3" char(3) NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'not-started' NOT NULL,
	"institutions" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_clusters_name" UNIQUE("organisation_id","name"),
	CONSTRAINT "recommendation_clusters_status" CHECK ("recommendation_clusters"."status" in ('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')),
	CONSTRAINT "recommendation_clusters_visibility" CHECK ("recommendation_clusters"."visibility" in ('private', 'secretariat', 'providers', 'public'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_tracking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"institutions" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_tracking_one_per_organisation" UNIQUE("organisation_id","recommendation_id"),
	CONSTRAINT "recommendation_tracking_status" CHECK ("recommendation_tracking"."status" in ('not-started', 'in-progress', 'partially-implemented', 'implemented', 'not-applicable')),
	CONSTRAINT "recommendation_tracking_visibility" CHECK ("recommendation_tracking"."visibility" in ('private', 'secretariat', 'providers', 'public'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_tracking_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid,
	"cluster_id" uuid,
	"status" text NOT NULL,
	"institutions" text[] NOT NULL,
	"notes" text NOT NULL,
	"evidence_links" text[] NOT NULL,
	"visibility" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_tracking_history_subject" CHECK (num_nonnulls("recommendation_tracking_history"."entry_id", "recommendation_tracking_history"."cluster_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "recommendation_suggestions" ADD CONSTRAINT "recommendation_suggestions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_cluster_members" ADD CONSTRAINT "recommendation_cluster_members_cluster_id_recommendation_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."recommendation_clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_cluster_members" ADD CONSTRAINT "recommendation_cluster_members_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_tracking" ADD CONSTRAINT "recommendation_tracking_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_tracking_history" ADD CONSTRAINT "recommendation_tracking_history_entry_id_recommendation_tracking_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."recommendation_tracking"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_tracking_history" ADD CONSTRAINT "recommendation_tracking_history_cluster_id_recommendation_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."recommendation_clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_suggestions_status" ON "recommendation_suggestions" USING btree ("status","scheme","code");--> statement-breakpoint
CREATE INDEX "cluster_members_recommendation" ON "recommendation_cluster_members" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendation_imports_created" ON "recommendation_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "recommendation_tracking_recommendation" ON "recommendation_tracking" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendation_tracking_history_entry" ON "recommendation_tracking_history" USING btree ("entry_id","changed_at");--> statement-breakpoint
CREATE INDEX "recommendation_tracking_history_cluster" ON "recommendation_tracking_history" USING btree ("cluster_id","changed_at");--> statement-breakpoint
CREATE INDEX "recommendations_sdgs" ON "recommendations" USING gin ("sdgs");