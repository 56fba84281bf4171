CREATE TABLE "vigilance_evidence" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" text,
	"document_number" text,
	"expires_on" date,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	CONSTRAINT "vigilance_evidence_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_file_events" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "vigilance_file_events_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_files" (
	"firm_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"identification" jsonb,
	"assessment" jsonb,
	"assessment_version" integer DEFAULT 0 NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone,
	"level" text,
	"approval" jsonb,
	"last_reviewed_on" date,
	"next_review_due" date,
	"relationship_ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vigilance_files_firm_id_engagement_id_pk" PRIMARY KEY("firm_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_matches" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"person_id" text NOT NULL,
	"person_name" text NOT NULL,
	"entry_id" text NOT NULL,
	"matched_name" text NOT NULL,
	"score" double precision NOT NULL,
	"birth_date_agrees" boolean,
	"status" text DEFAULT 'open' NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "vigilance_matches_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "vigilance_matches_person_entry_unique" UNIQUE("firm_id","engagement_id","person_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_register_imports" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"published_at" text,
	"sha256" text NOT NULL,
	"entry_count" integer NOT NULL,
	"entries" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vigilance_register_imports_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_reviews" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"due_on" date NOT NULL,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"reminded_on" date,
	CONSTRAINT "vigilance_reviews_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "vigilance_settings" (
	"firm_id" uuid NOT NULL,
	"controls_enabled" boolean DEFAULT true NOT NULL,
	"enhanced_months" integer DEFAULT 12 NOT NULL,
	"standard_months" integer DEFAULT 24 NOT NULL,
	"simplified_months" integer DEFAULT 36 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vigilance_settings_firm_id_pk" PRIMARY KEY("firm_id")
);
--> statement-breakpoint
ALTER TABLE "vigilance_evidence" ADD CONSTRAINT "vigilance_evidence_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_evidence" ADD CONSTRAINT "vigilance_evidence_firm_id_engagement_id_vigilance_files_firm_id_engagement_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."vigilance_files"("firm_id","engagement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_evidence" ADD CONSTRAINT "vigilance_evidence_firm_id_uploaded_by_users_firm_id_id_fk" FOREIGN KEY ("firm_id","uploaded_by") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_file_events" ADD CONSTRAINT "vigilance_file_events_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_file_events" ADD CONSTRAINT "vigilance_file_events_firm_id_engagement_id_vigilance_files_firm_id_engagement_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."vigilance_files"("firm_id","engagement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD CONSTRAINT "vigilance_files_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD CONSTRAINT "vigilance_files_firm_id_engagement_id_engagements_firm_id_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."engagements"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_matches" ADD CONSTRAINT "vigilance_matches_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_matches" ADD CONSTRAINT "vigilance_matches_firm_id_engagement_id_vigilance_files_firm_id_engagement_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."vigilance_files"("firm_id","engagement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_register_imports" ADD CONSTRAINT "vigilance_register_imports_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_reviews" ADD CONSTRAINT "vigilance_reviews_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_reviews" ADD CONSTRAINT "vigilance_reviews_firm_id_engagement_id_vigilance_files_firm_id_engagement_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."vigilance_files"("firm_id","engagement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_settings" ADD CONSTRAINT "vigilance_settings_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vigilance_evidence_firm_id_engagement_id_index" ON "vigilance_evidence" USING btree ("firm_id","engagement_id");--> statement-breakpoint
CREATE INDEX "vigilance_file_events_firm_id_engagement_id_at_index" ON "vigilance_file_events" USING btree ("firm_id","engagement_id","at");--> statement-breakpoint
CREATE INDEX "vigilance_files_firm_review_idx" ON "vigilance_files" USING btree ("firm_id","next_review_due");--> statement-breakpoint
CREATE INDEX "vigilance_register_imports_firm_id_imported_at_index" ON "vigilance_register_imports" USING btree ("firm_id","imported_at");--> statement-breakpoint
CREATE INDEX "vigilance_reviews_open_idx" ON "vigilance_reviews" USING btree ("firm_id","due_on") WHERE "vigilance_reviews"."completed_at" is null;--> statement-breakpoint
-- Firms that existed before the LCB-FT gate keep sending the letters they have in flight: an associé turns the controls on once their files are complete (docs/vigilance.md). Firms created from now on have them on (no row: the defaults).
INSERT INTO "vigilance_settings" ("firm_id", "controls_enabled") SELECT "id", false FROM "firms";
