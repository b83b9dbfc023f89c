CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"tier" text NOT NULL,
	"process_id" text,
	"delegation_id" text,
	"subject_type" text,
	"subject_id" text,
	"started_by" text NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programme_agenda_items" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"process_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_plans" (
	"round_id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"utc_offset" text DEFAULT '+05:00' NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"min_gap_minutes" integer DEFAULT 0 NOT NULL,
	"days" jsonb NOT NULL,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"agenda_adopted" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"process_id" text NOT NULL,
	"requester_id" text NOT NULL,
	"invitee_ids" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"duration_minutes" integer NOT NULL,
	"preference" text NOT NULL,
	"preferred_day" text,
	"preferred_from" text,
	"preferred_to" text,
	"note" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"process_id" text NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_rooms_capacity_positive" CHECK ("programme_rooms"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"process_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" text,
	"participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tier" text NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'provisional' NOT NULL,
	"request_id" text,
	"teams" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_sessions_ordered" CHECK ("programme_sessions"."ends_at" > "programme_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "programme_stays" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"process_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"arrives_at" timestamp with time zone,
	"departs_at" timestamp with time zone,
	"teams" integer DEFAULT 1 NOT NULL,
	"team_size" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_room_id_programme_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."programme_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_subject_idx" ON "jobs" USING btree ("subject_type","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "programme_agenda_items_round_idx" ON "programme_agenda_items" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "programme_requests_round_idx" ON "programme_requests" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_rooms_name_key" ON "programme_rooms" USING btree ("round_id","name");--> statement-breakpoint
CREATE INDEX "programme_sessions_round_idx" ON "programme_sessions" USING btree ("round_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_sessions_request_key" ON "programme_sessions" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_stays_key" ON "programme_stays" USING btree ("round_id","participant_id");