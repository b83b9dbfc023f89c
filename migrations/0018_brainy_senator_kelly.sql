CREATE TABLE "hum_import_rows" (
	"staging_id" text NOT NULL,
	"seq" integer NOT NULL,
	"row_number" integer NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"entry_id" text NOT NULL,
	"entry_personal" text NOT NULL,
	"case_id" text NOT NULL,
	"case_personal" text NOT NULL,
	"flags" jsonb NOT NULL,
	"linked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hum_import_rows_staging_id_seq_pk" PRIMARY KEY("staging_id","seq")
);
