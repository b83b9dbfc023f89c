CREATE TABLE "text_approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_bracket_options" (
	"id" text PRIMARY KEY NOT NULL,
	"bracket_id" text NOT NULL,
	"position" integer NOT NULL,
	"is_delete" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"proposed_by" jsonb NOT NULL,
	"proposal_id" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_brackets" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"paragraph_id" text NOT NULL,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"resolved_option_id" text,
	"created_in_version" integer NOT NULL,
	"resolved_in_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_brackets_span_ordered" CHECK ("text_brackets"."span_end" >= "text_brackets"."span_start" and "text_brackets"."span_start" >= 0)
);
--> statement-breakpoint
CREATE TABLE "text_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"round_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"tier" text NOT NULL,
	"rule_roles" jsonb NOT NULL,
	"rule_participant_ids" jsonb NOT NULL,
	"facilitator_participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reader_delegation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text_version" integer DEFAULT 1 NOT NULL,
	"adopted_version" integer,
	"adopted_at" timestamp with time zone,
	"adopted_by" jsonb,
	"published_on" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"paragraph_id" text,
	"proposal_id" text,
	"participant_id" text,
	"paragraph" jsonb,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_paragraphs" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"e_id" text NOT NULL,
	"kind" text NOT NULL,
	"order_key" double precision NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_in_version" integer NOT NULL,
	"revised_in_version" integer NOT NULL,
	"removed_in_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"option_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"stance" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"kind" text NOT NULL,
	"paragraph_id" text,
	"after_paragraph_id" text,
	"paragraph_kind" text,
	"span_start" integer,
	"span_end" integer,
	"span_text" text,
	"text" text,
	"bracket_id" text,
	"amends_proposal_id" text,
	"author_participant_id" text NOT NULL,
	"author_delegation_id" text,
	"rationale" text,
	"base_version" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_document_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"adopted_by" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "text_approvals" ADD CONSTRAINT "text_approvals_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_bracket_options" ADD CONSTRAINT "text_bracket_options_bracket_id_text_brackets_id_fk" FOREIGN KEY ("bracket_id") REFERENCES "public"."text_brackets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_brackets" ADD CONSTRAINT "text_brackets_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_brackets" ADD CONSTRAINT "text_brackets_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_events" ADD CONSTRAINT "text_events_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_paragraphs" ADD CONSTRAINT "text_paragraphs_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_positions" ADD CONSTRAINT "text_positions_option_id_text_bracket_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."text_bracket_options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_proposals" ADD CONSTRAINT "text_proposals_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_proposals" ADD CONSTRAINT "text_proposals_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_proposals" ADD CONSTRAINT "text_proposals_after_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("after_paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_document_versions" ADD CONSTRAINT "text_document_versions_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "text_approvals_key" ON "text_approvals" USING btree ("document_id","participant_id");--> statement-breakpoint
CREATE INDEX "text_bracket_options_bracket_idx" ON "text_bracket_options" USING btree ("bracket_id");--> statement-breakpoint
CREATE INDEX "text_brackets_paragraph_idx" ON "text_brackets" USING btree ("paragraph_id");--> statement-breakpoint
CREATE INDEX "text_documents_round_idx" ON "text_documents" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "text_documents_process_idx" ON "text_documents" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "text_events_document_idx" ON "text_events" USING btree ("document_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "text_paragraphs_eid_key" ON "text_paragraphs" USING btree ("document_id","e_id");--> statement-breakpoint
CREATE INDEX "text_paragraphs_document_idx" ON "text_paragraphs" USING btree ("document_id","order_key");--> statement-breakpoint
CREATE UNIQUE INDEX "text_positions_key" ON "text_positions" USING btree ("option_id","participant_id");--> statement-breakpoint
CREATE INDEX "text_proposals_document_idx" ON "text_proposals" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "text_document_versions_key" ON "text_document_versions" USING btree ("document_id","number","kind");