CREATE TABLE "delegation_members" (
	"id" text PRIMARY KEY NOT NULL,
	"round_delegation_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name_native" text,
	"name_latin" text NOT NULL,
	"title" text,
	"is_head" boolean DEFAULT false NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"names" jsonb NOT NULL,
	"city" text,
	"venue" text,
	"host" text,
	"start_date" date,
	"end_date" date,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"date_note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_dates_ordered" CHECK ("meetings"."end_date" is null or "meetings"."start_date" is null or "meetings"."end_date" >= "meetings"."start_date")
);
--> statement-breakpoint
CREATE TABLE "process_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"role" text NOT NULL,
	"change" text NOT NULL,
	"occurred_on" date,
	"occurred_precision" text DEFAULT 'day' NOT NULL,
	"round_number" integer,
	"statement" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_announcements" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"published_on" date NOT NULL,
	"text" text NOT NULL,
	"announced_start" date,
	"announced_end" date,
	"announced_city" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_delegations" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"delegation_id" text,
	"role" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"secretariat_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_participations" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"role" text NOT NULL,
	"attendance" text DEFAULT 'attended' NOT NULL,
	"note" text,
	"cited_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"number" integer NOT NULL,
	"names" jsonb NOT NULL,
	"city" text,
	"venue" text,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"next_round_wording" text,
	"next_round_city" text,
	"next_round_window_start" date,
	"next_round_window_end" date,
	"completeness" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rounds_dates_ordered" CHECK ("rounds"."end_date" is null or "rounds"."start_date" is null or "rounds"."end_date" >= "rounds"."start_date")
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"source_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflict_values" (
	"id" text PRIMARY KEY NOT NULL,
	"conflict_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"text" text NOT NULL,
	"note" text,
	"uncertain" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"tier" text DEFAULT 'public' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"tier" text DEFAULT 'public' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"slug" text NOT NULL,
	"occurred_on" date,
	"occurred_precision" text DEFAULT 'day' NOT NULL,
	"title" text NOT NULL,
	"tier" text DEFAULT 'public' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"publisher" text NOT NULL,
	"published_as_shown" text,
	"published" date,
	"language" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "aliases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "launched_on" date;--> statement-breakpoint
ALTER TABLE "delegation_members" ADD CONSTRAINT "delegation_members_round_delegation_id_round_delegations_id_fk" FOREIGN KEY ("round_delegation_id") REFERENCES "public"."round_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_decisions" ADD CONSTRAINT "process_decisions_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_changes" ADD CONSTRAINT "role_changes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_changes" ADD CONSTRAINT "role_changes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_announcements" ADD CONSTRAINT "round_announcements_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_delegations" ADD CONSTRAINT "round_delegations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_delegations" ADD CONSTRAINT "round_delegations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_delegations" ADD CONSTRAINT "round_delegations_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participations" ADD CONSTRAINT "round_participations_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participations" ADD CONSTRAINT "round_participations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_values" ADD CONSTRAINT "conflict_values_conflict_id_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_members_delegation_idx" ON "delegation_members" USING btree ("round_delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_key" ON "meeting_participants" USING btree ("meeting_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_process_slug_key" ON "meetings" USING btree ("process_id","slug");--> statement-breakpoint
CREATE INDEX "process_decisions_process_idx" ON "process_decisions" USING btree ("process_id","decided_on");--> statement-breakpoint
CREATE INDEX "role_changes_process_idx" ON "role_changes" USING btree ("process_id","participant_id");--> statement-breakpoint
CREATE INDEX "round_announcements_round_idx" ON "round_announcements" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_delegations_key" ON "round_delegations" USING btree ("round_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_participations_key" ON "round_participations" USING btree ("round_id","participant_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "rounds_process_number_key" ON "rounds" USING btree ("process_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "citations_key" ON "citations" USING btree ("subject_type","subject_id","field","source_id");--> statement-breakpoint
CREATE INDEX "citations_source_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "conflict_values_conflict_idx" ON "conflict_values" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "conflicts_subject_idx" ON "conflicts" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "facts_subject_idx" ON "facts" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_process_slug_key" ON "milestones" USING btree ("process_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_url_key" ON "sources" USING btree ("url");