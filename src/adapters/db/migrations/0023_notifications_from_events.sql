CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("firm_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "type";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "document_id";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "created_at";