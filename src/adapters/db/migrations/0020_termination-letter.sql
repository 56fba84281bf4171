ALTER TABLE "terminations" ADD COLUMN "reason_confidential" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "terminations" ADD COLUMN "registered_mail_number" text;--> statement-breakpoint
ALTER TABLE "terminations" ADD COLUMN "registered_mail_sent_on" date;