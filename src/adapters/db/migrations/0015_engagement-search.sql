ALTER TABLE "engagements" ADD COLUMN "company_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "engagements_firm_company_name_idx" ON "engagements" USING btree ("firm_id","company_name","id");--> statement-breakpoint
CREATE INDEX "engagements_search_idx" ON "engagements" USING gin ("firm_id","search_text" gin_trgm_ops);