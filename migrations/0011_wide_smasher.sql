CREATE TABLE "text_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"paragraph_id" text NOT NULL,
	"author_participant_id" text NOT NULL,
	"author_account_id" text,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"on_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_compromises" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"paragraph_id" text NOT NULL,
	"body" text NOT NULL,
	"note" text,
	"author_participant_id" text,
	"on_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_translations" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"paragraph_id" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"source_body" text NOT NULL,
	"source_version" integer NOT NULL,
	"translated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "text_comments" ADD CONSTRAINT "text_comments_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_comments" ADD CONSTRAINT "text_comments_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_compromises" ADD CONSTRAINT "text_compromises_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_compromises" ADD CONSTRAINT "text_compromises_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_translations" ADD CONSTRAINT "text_translations_document_id_text_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."text_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_translations" ADD CONSTRAINT "text_translations_paragraph_id_text_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."text_paragraphs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "text_comments_paragraph_idx" ON "text_comments" USING btree ("paragraph_id","created_at");--> statement-breakpoint
CREATE INDEX "text_compromises_paragraph_idx" ON "text_compromises" USING btree ("paragraph_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "text_translations_key" ON "text_translations" USING btree ("paragraph_id","language");