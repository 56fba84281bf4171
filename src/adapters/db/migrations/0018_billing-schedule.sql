CREATE TABLE "billing_exports" (
	"firm_id" uuid NOT NULL,
	"month" text NOT NULL,
	"entries" jsonb NOT NULL,
	"exported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_exports_firm_id_month_pk" PRIMARY KEY("firm_id","month")
);
--> statement-breakpoint
CREATE TABLE "one_off_completions" (
	"firm_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_off_completions_firm_id_line_id_pk" PRIMARY KEY("firm_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "terminations" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"reason" text NOT NULL,
	"notice_given_on" date NOT NULL,
	"end_date" date NOT NULL,
	"earliest_end_date" date NOT NULL,
	"agreed_otherwise" boolean NOT NULL,
	"notice_respected" boolean NOT NULL,
	"termination_document_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terminations_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "terminations_one_per_letter" UNIQUE("firm_id","letter_id")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "billing_exports" ADD CONSTRAINT "billing_exports_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_exports" ADD CONSTRAINT "billing_exports_firm_id_exported_by_users_firm_id_id_fk" FOREIGN KEY ("firm_id","exported_by") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_off_completions" ADD CONSTRAINT "one_off_completions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_off_completions" ADD CONSTRAINT "one_off_completions_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_off_completions" ADD CONSTRAINT "one_off_completions_firm_id_recorded_by_users_firm_id_id_fk" FOREIGN KEY ("firm_id","recorded_by") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminations" ADD CONSTRAINT "terminations_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminations" ADD CONSTRAINT "terminations_firm_id_letter_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","letter_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminations" ADD CONSTRAINT "terminations_firm_id_engagement_id_engagements_firm_id_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."engagements"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminations" ADD CONSTRAINT "terminations_firm_id_recorded_by_users_firm_id_id_fk" FOREIGN KEY ("firm_id","recorded_by") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;