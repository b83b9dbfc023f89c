CREATE TABLE "text_versions" (
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"field" text NOT NULL,
	"lang" text NOT NULL,
	"text" text NOT NULL,
	"original" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "text_versions_subject_type_subject_id_field_lang_pk" PRIMARY KEY("subject_type","subject_id","field","lang")
);
--> statement-breakpoint
CREATE INDEX "text_versions_lang_idx" ON "text_versions" USING btree ("lang");