ALTER TABLE "rounds" ADD COLUMN "precedence_order" text DEFAULT 'english_alphabetical' NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "precedence_custom" jsonb;