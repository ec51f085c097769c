CREATE TABLE "affected_persons" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso3" char(3) PRIMARY KEY NOT NULL,
	"iso2" char(2) NOT NULL,
	"m49" char(3) NOT NULL,
	"un_status" text NOT NULL,
	"regional_group" text,
	"is_ldc" boolean NOT NULL,
	"is_lldc" boolean NOT NULL,
	"is_sids" boolean NOT NULL,
	"development_status_as_of" text NOT NULL,
	"development_status_source" text DEFAULT 'reference' NOT NULL,
	"names" jsonb NOT NULL,
	"formal_names" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "countries_iso2_unique" UNIQUE("iso2"),
	CONSTRAINT "countries_m49_unique" UNIQUE("m49"),
	CONSTRAINT "countries_un_status" CHECK ("countries"."un_status" in ('member', 'observer')),
	CONSTRAINT "countries_status_source" CHECK ("countries"."development_status_source" in ('reference', 'secretariat'))
);
--> statement-breakpoint
CREATE TABLE "reference_datasets" (
	"name" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"row_count" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_goals" (
	"code" integer PRIMARY KEY NOT NULL,
	"short" jsonb NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_indicators" (
	"code" text NOT NULL,
	"target" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	CONSTRAINT "sdg_indicators_code_target_pk" PRIMARY KEY("code","target")
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" integer NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"origin" text DEFAULT 'reference' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_procedures_kind" CHECK ("special_procedures"."kind" in ('thematic', 'country')),
	CONSTRAINT "special_procedures_origin" CHECK ("special_procedures"."origin" in ('reference', 'secretariat'))
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"code" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"label" text NOT NULL,
	"legacy_code" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treaty_bodies" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"instrument" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upr_cycles" (
	"number" integer PRIMARY KEY NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer,
	"first_session" integer NOT NULL,
	"last_session" integer
);
--> statement-breakpoint
CREATE TABLE "upr_sessions" (
	"number" integer PRIMARY KEY NOT NULL,
	"cycle" integer NOT NULL,
	"month" text
);
--> statement-breakpoint
ALTER TABLE "sdg_indicators" ADD CONSTRAINT "sdg_indicators_target_sdg_targets_code_fk" FOREIGN KEY ("target") REFERENCES "public"."sdg_targets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdg_goals_code_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upr_sessions" ADD CONSTRAINT "upr_sessions_cycle_upr_cycles_number_fk" FOREIGN KEY ("cycle") REFERENCES "public"."upr_cycles"("number") ON DELETE no action ON UPDATE no action;