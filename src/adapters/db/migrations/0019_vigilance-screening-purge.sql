CREATE TABLE "vigilance_review_reminders" (
	"firm_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"user_id" uuid NOT NULL,
	"mail_id" uuid,
	"reminded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vigilance_review_reminders_firm_id_engagement_id_due_on_pk" PRIMARY KEY("firm_id","engagement_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD COLUMN "screened_register_id" uuid;--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD COLUMN "purged_by" uuid;--> statement-breakpoint
ALTER TABLE "vigilance_files" ADD COLUMN "purge_reason" text;--> statement-breakpoint
ALTER TABLE "vigilance_register_imports" ADD COLUMN "new_matches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "vigilance_register_imports" ADD COLUMN "screening_finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vigilance_review_reminders" ADD CONSTRAINT "vigilance_review_reminders_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vigilance_review_reminders" ADD CONSTRAINT "vigilance_review_reminders_firm_id_engagement_id_vigilance_files_firm_id_engagement_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."vigilance_files"("firm_id","engagement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Until now the import screened every file in its own transaction: the imports are done, and each file was screened against its firm's latest register.
UPDATE "vigilance_register_imports" SET "screening_finished_at" = "imported_at";--> statement-breakpoint
UPDATE "vigilance_files" f SET "screened_register_id" = (SELECT r."id" FROM "vigilance_register_imports" r WHERE r."firm_id" = f."firm_id" ORDER BY r."imported_at" DESC LIMIT 1);
