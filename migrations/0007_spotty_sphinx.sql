CREATE TABLE "search_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"module" text NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"process_id" text,
	"title" jsonb NOT NULL,
	"passages" jsonb NOT NULL,
	"path" text NOT NULL,
	"sort_key" text DEFAULT '' NOT NULL,
	"names" text NOT NULL,
	"vector" "tsvector" NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"digest" text NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "search_documents_names_idx" ON "search_documents" USING gin ("names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_kind_idx" ON "search_documents" USING btree ("kind","subject_id");