CREATE TABLE "hum_case_status" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"from_status" text,
	"status" text NOT NULL,
	"evidence" text,
	"exchange_id" text,
	"by_account_id" text,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"delegation_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"tier" text DEFAULT 'intermediary' NOT NULL,
	"sharing" text DEFAULT 'side' NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"personal" text NOT NULL,
	"fingerprint" text NOT NULL,
	"list_entry_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawn_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_exchange_people" (
	"id" text PRIMARY KEY NOT NULL,
	"exchange_id" text NOT NULL,
	"case_id" text NOT NULL,
	"releasing_delegation_id" text NOT NULL,
	"added_by_label" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"confirmed_by_label" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_exchanges" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"tier" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text,
	"sequence" integer,
	"title" text,
	"on" date,
	"date_note" text,
	"place" text,
	"intermediary_participant_id" text,
	"intermediary_name" text,
	"guarantor_participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_delegation_id" text,
	"second_delegation_id" text,
	"first_releases" integer,
	"second_releases" integer,
	"first_side_label" text,
	"second_side_label" text,
	"state" text DEFAULT 'planned' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_reason" text,
	"created_by_label" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_list_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL,
	"process_id" text NOT NULL,
	"delegation_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"kind" text NOT NULL,
	"personal" text NOT NULL,
	"fingerprint" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_id" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"delegation_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"tier" text DEFAULT 'intermediary' NOT NULL,
	"sharing" text DEFAULT 'side' NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text NOT NULL,
	"content_hash" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"submitted_by" text,
	"submitted_by_label" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawn_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_match_candidates" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"process_id" text NOT NULL,
	"left_entry_id" text,
	"left_case_id" text,
	"right_entry_id" text,
	"right_case_id" text,
	"score" double precision NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_by_label" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hum_match_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"tier" text DEFAULT 'intermediary' NOT NULL,
	"mode" text NOT NULL,
	"left_list_id" text NOT NULL,
	"right_list_id" text,
	"job_id" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"threshold" double precision,
	"candidates" integer DEFAULT 0 NOT NULL,
	"requested_by" text,
	"requested_by_label" text NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hum_case_status" ADD CONSTRAINT "hum_case_status_case_id_hum_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hum_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hum_exchange_people" ADD CONSTRAINT "hum_exchange_people_exchange_id_hum_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."hum_exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hum_exchange_people" ADD CONSTRAINT "hum_exchange_people_case_id_hum_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."hum_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hum_list_entries" ADD CONSTRAINT "hum_list_entries_list_id_hum_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."hum_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hum_match_candidates" ADD CONSTRAINT "hum_match_candidates_run_id_hum_match_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."hum_match_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hum_case_status_case_idx" ON "hum_case_status" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "hum_cases_process_idx" ON "hum_cases" USING btree ("process_id","delegation_id","status");--> statement-breakpoint
CREATE INDEX "hum_cases_fingerprint_idx" ON "hum_cases" USING btree ("process_id","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "hum_cases_entry_idx" ON "hum_cases" USING btree ("list_entry_id") WHERE "hum_cases"."list_entry_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hum_exchange_people_idx" ON "hum_exchange_people" USING btree ("exchange_id","case_id");--> statement-breakpoint
CREATE INDEX "hum_exchange_people_case_idx" ON "hum_exchange_people" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hum_exchanges_process_idx" ON "hum_exchanges" USING btree ("process_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "hum_exchanges_external_idx" ON "hum_exchanges" USING btree ("process_id","external_id");--> statement-breakpoint
CREATE INDEX "hum_list_entries_list_idx" ON "hum_list_entries" USING btree ("list_id","row_number");--> statement-breakpoint
CREATE INDEX "hum_list_entries_case_idx" ON "hum_list_entries" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hum_lists_process_idx" ON "hum_lists" USING btree ("process_id","delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hum_lists_content_idx" ON "hum_lists" USING btree ("process_id","content_hash");--> statement-breakpoint
CREATE INDEX "hum_match_candidates_run_idx" ON "hum_match_candidates" USING btree ("run_id","state","score");--> statement-breakpoint
CREATE INDEX "hum_match_candidates_process_idx" ON "hum_match_candidates" USING btree ("process_id","state");--> statement-breakpoint
CREATE INDEX "hum_match_runs_process_idx" ON "hum_match_runs" USING btree ("process_id","created_at");