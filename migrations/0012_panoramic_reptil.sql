CREATE TABLE "followup_commitment_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"commitment_id" text NOT NULL,
	"from_status" text,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"evidence" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by_label" text NOT NULL,
	"by_account_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"tier" text NOT NULL,
	"external_id" text,
	"what" text NOT NULL,
	"document_id" text,
	"paragraph_id" text,
	"round_id" text,
	"responsible_participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date,
	"recurrence" text,
	"category" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"zone_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_incident_links" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"commitment_id" text NOT NULL,
	"state" text DEFAULT 'suggested' NOT NULL,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "followup_incident_protected" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"reporter" text,
	"sensitive" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_incident_zones" (
	"incident_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"zone_status" text NOT NULL,
	CONSTRAINT "followup_incident_zones_incident_id_zone_id_pk" PRIMARY KEY("incident_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "followup_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"tier" text NOT NULL,
	"source_system" text NOT NULL,
	"external_id" text,
	"occurred_on" date NOT NULL,
	"time_precision" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"geo_precision" text NOT NULL,
	"location" text,
	"admin" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"event_type" text NOT NULL,
	"sub_event_type" text,
	"actor1" text,
	"actor2" text,
	"fatalities" integer DEFAULT 0 NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"verification" text DEFAULT 'reported' NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"state" text NOT NULL,
	"by_label" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_zone_statuses" (
	"id" text PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"status" text NOT NULL,
	"from_date" date NOT NULL,
	"note" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_zones" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"tier" text NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"area" text,
	"geometry" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"memorandum" text,
	"document_id" text,
	"start_date" date NOT NULL,
	"term_months" integer,
	"auto_extend" boolean DEFAULT false NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "followup_commitment_updates" ADD CONSTRAINT "followup_commitment_updates_commitment_id_followup_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."followup_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_incident_links" ADD CONSTRAINT "followup_incident_links_incident_id_followup_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."followup_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_incident_links" ADD CONSTRAINT "followup_incident_links_commitment_id_followup_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."followup_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_incident_protected" ADD CONSTRAINT "followup_incident_protected_incident_id_followup_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."followup_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_incident_zones" ADD CONSTRAINT "followup_incident_zones_incident_id_followup_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."followup_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_incident_zones" ADD CONSTRAINT "followup_incident_zones_zone_id_followup_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."followup_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_verifications" ADD CONSTRAINT "followup_verifications_incident_id_followup_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."followup_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_zone_statuses" ADD CONSTRAINT "followup_zone_statuses_zone_id_followup_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."followup_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followup_commitment_updates_idx" ON "followup_commitment_updates" USING btree ("commitment_id","at");--> statement-breakpoint
CREATE INDEX "followup_commitments_process_idx" ON "followup_commitments" USING btree ("process_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_commitments_external_idx" ON "followup_commitments" USING btree ("process_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_incident_links_pair_idx" ON "followup_incident_links" USING btree ("incident_id","commitment_id");--> statement-breakpoint
CREATE INDEX "followup_incident_zones_zone_idx" ON "followup_incident_zones" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "followup_incidents_process_day_idx" ON "followup_incidents" USING btree ("process_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_incidents_external_idx" ON "followup_incidents" USING btree ("process_id","source_system","external_id");--> statement-breakpoint
CREATE INDEX "followup_verifications_incident_idx" ON "followup_verifications" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "followup_zone_statuses_zone_idx" ON "followup_zone_statuses" USING btree ("zone_id","from_date");--> statement-breakpoint
CREATE INDEX "followup_zones_process_idx" ON "followup_zones" USING btree ("process_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_zones_external_idx" ON "followup_zones" USING btree ("process_id","external_id");