CREATE TABLE "campaign_items" (
	"firm_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"skip_reason" text,
	"document_id" uuid,
	"annual_before_cents" bigint,
	"annual_after_cents" bigint,
	"send_problem" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_items_firm_id_campaign_id_engagement_id_pk" PRIMARY KEY("firm_id","campaign_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"generation_started_at" timestamp with time zone,
	"generated_at" timestamp with time zone,
	"sending_started_by" uuid,
	"sending_started_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_firm_id_campaign_id_campaigns_firm_id_id_fk" FOREIGN KEY ("firm_id","campaign_id") REFERENCES "public"."campaigns"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_engagement_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."engagements"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_document_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_fk" FOREIGN KEY ("firm_id","created_by") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_items_status_idx" ON "campaign_items" USING btree ("firm_id","campaign_id","status","position");--> statement-breakpoint
CREATE INDEX "campaigns_firm_status_idx" ON "campaigns" USING btree ("firm_id","status");--> statement-breakpoint
CREATE INDEX "documents_firm_campaign_idx" ON "documents" USING btree ("firm_id","campaign_id") WHERE "documents"."campaign_id" is not null;