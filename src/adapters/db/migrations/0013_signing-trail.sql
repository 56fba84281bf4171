CREATE TABLE "signing_events" (
	"firm_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"document_id" uuid NOT NULL,
	"request_id" uuid,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"data" jsonb,
	CONSTRAINT "signing_events_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "signed_copy_access_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_document_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_request_fk" FOREIGN KEY ("firm_id","request_id") REFERENCES "public"."signing_requests"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signing_events_document_idx" ON "signing_events" USING btree ("firm_id","document_id","id");