ALTER TABLE "firms" ADD COLUMN "dpo_email" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "revision_clause_by_default" boolean DEFAULT true NOT NULL;