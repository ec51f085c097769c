CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delivery" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind"),
	CONSTRAINT "notification_preferences_delivery" CHECK ("notification_preferences"."delivery" in ('immediate', 'daily'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "offers_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_statuses" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"engagements" integer DEFAULT 0 NOT NULL,
	"contribution_minor" bigint,
	"contribution_currency" char(3),
	"valid_from" date,
	"valid_until" date,
	"visibility" text DEFAULT 'providers' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(description, ''))) STORED NOT NULL,
	CONSTRAINT "offers_seq_unique" UNIQUE("seq"),
	CONSTRAINT "offers_status" CHECK ("offers"."status" in ('open', 'paused', 'closed')),
	CONSTRAINT "offers_visibility" CHECK ("offers"."visibility" in ('private', 'secretariat', 'providers', 'public')),
	CONSTRAINT "offers_capacity" CHECK ("offers"."capacity" >= 1 and "offers"."engagements" between 0 and "offers"."capacity"),
	CONSTRAINT "offers_contribution" CHECK ("offers"."contribution_minor" is null or "offers"."contribution_minor" >= 0),
	CONSTRAINT "offers_contribution_currency" CHECK (("offers"."contribution_minor" is null) = ("offers"."contribution_currency" is null)),
	CONSTRAINT "offers_period" CHECK ("offers"."valid_from" is null or "offers"."valid_until" is null or "offers"."valid_from" <= "offers"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "support_request_clusters" (
	"request_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	CONSTRAINT "support_request_clusters_request_id_cluster_id_pk" PRIMARY KEY("request_id","cluster_id")
);
--> statement-breakpoint
CREATE TABLE "support_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_request_grants" (
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_request_grants_request_id_organisation_id_pk" PRIMARY KEY("request_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "support_request_recommendations" (
	"request_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	CONSTRAINT "support_request_recommendations_request_id_recommendation_id_pk" PRIMARY KEY("request_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "support_request_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"criteria_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" uuid NOT NULL,
	"regional_group" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_request_screenings_kind" CHECK ("support_request_screenings"."kind" in ('decision', 'view')),
	CONSTRAINT "support_request_screenings_outcome" CHECK ("support_request_screenings"."outcome" in ('open', 'return')),
	CONSTRAINT "support_request_screenings_view_group" CHECK ("support_request_screenings"."kind" = 'decision' or "support_request_screenings"."regional_group" is not null)
);
--> statement-breakpoint
CREATE TABLE "screening_criteria" (
	"version" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "support_requests_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"state_iso3" char(3) NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"provider_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"desired_start" date,
	"duration_months" smallint,
	"budget_minor" bigint,
	"budget_currency" char(3),
	"counterparts" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"anonymous_counting" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"matched_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(summary, ''))) STORED NOT NULL,
	CONSTRAINT "support_requests_seq_unique" UNIQUE("seq"),
	CONSTRAINT "support_requests_state" CHECK ("support_requests"."state" in ('draft', 'submitted', 'screening', 'returned', 'open', 'matched', 'in-implementation', 'completed', 'reported-back', 'withdrawn')),
	CONSTRAINT "support_requests_visibility" CHECK ("support_requests"."visibility" in ('private', 'secretariat', 'providers', 'public')),
	CONSTRAINT "support_requests_budget" CHECK ("support_requests"."budget_minor" is null or "support_requests"."budget_minor" >= 0),
	CONSTRAINT "support_requests_budget_currency" CHECK (("support_requests"."budget_minor" is null) = ("support_requests"."budget_currency" is null)),
	CONSTRAINT "support_requests_duration" CHECK ("support_requests"."duration_months" is null or "support_requests"."duration_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "national_update_versions" (
	"update_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"achievements" text NOT NULL,
	"challenges" text NOT NULL,
	"good_practices" text NOT NULL,
	"lessons" text NOT NULL,
	"language" text NOT NULL,
	"themes" text[] NOT NULL,
	"sdg_targets" text[] NOT NULL,
	"recommendation_ids" uuid[] NOT NULL,
	"cluster_ids" uuid[] NOT NULL,
	"visibility" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "national_update_versions_update_id_version_pk" PRIMARY KEY("update_id","version"),
	CONSTRAINT "national_update_versions_visibility" CHECK ("national_update_versions"."visibility" in ('private', 'secretariat', 'providers', 'public'))
);
--> statement-breakpoint
CREATE TABLE "national_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "national_updates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"state_iso3" char(3) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"challenges" text DEFAULT '' NOT NULL,
	"good_practices" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"recommendation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"cluster_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(achievements, '') || ' ' || coalesce(challenges, '') || ' ' || coalesce(good_practices, '') || ' ' || coalesce(lessons, ''))) STORED NOT NULL,
	CONSTRAINT "national_updates_seq_unique" UNIQUE("seq"),
	CONSTRAINT "national_updates_status" CHECK ("national_updates"."status" in ('draft', 'published', 'withdrawn')),
	CONSTRAINT "national_updates_visibility" CHECK ("national_updates"."visibility" in ('private', 'secretariat', 'providers', 'public'))
);
--> statement-breakpoint
ALTER TABLE "support_request_clusters" ADD CONSTRAINT "support_request_clusters_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_events" ADD CONSTRAINT "support_request_events_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_grants" ADD CONSTRAINT "support_request_grants_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_recommendations" ADD CONSTRAINT "support_request_recommendations_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_screenings" ADD CONSTRAINT "support_request_screenings_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_screenings" ADD CONSTRAINT "support_request_screenings_criteria_version_screening_criteria_version_fk" FOREIGN KEY ("criteria_version") REFERENCES "public"."screening_criteria"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_update_versions" ADD CONSTRAINT "national_update_versions_update_id_national_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."national_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_subject" ON "notifications" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "notifications_digest_due" ON "notifications" USING btree ("user_id") WHERE "notifications"."emailed_at" is null;--> statement-breakpoint
CREATE INDEX "offers_organisation" ON "offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "offers_status" ON "offers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "offers_search" ON "offers" USING gin ("search");--> statement-breakpoint
CREATE INDEX "support_request_events_request" ON "support_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "support_request_grants_organisation" ON "support_request_grants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_request_recommendations_recommendation" ON "support_request_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "support_request_screenings_request" ON "support_request_screenings" USING btree ("request_id","recorded_at");--> statement-breakpoint
CREATE INDEX "support_requests_organisation" ON "support_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_requests_state_opened" ON "support_requests" USING btree ("state","opened_at");--> statement-breakpoint
CREATE INDEX "support_requests_search" ON "support_requests" USING gin ("search");--> statement-breakpoint
CREATE INDEX "national_updates_organisation" ON "national_updates" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "national_updates_state" ON "national_updates" USING btree ("state_iso3");--> statement-breakpoint
CREATE INDEX "national_updates_search" ON "national_updates" USING gin ("search");