ALTER TABLE "documents" ADD COLUMN "firm_signatory_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "form_of_address" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signatory_capacity" text;