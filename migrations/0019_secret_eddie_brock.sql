ALTER TABLE "hum_import_rows" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "hum_import_rows" DROP COLUMN "case_personal";--> statement-breakpoint
ALTER TABLE "hum_import_rows" DROP COLUMN "linked";