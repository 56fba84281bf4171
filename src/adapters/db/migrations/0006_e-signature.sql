CREATE TABLE "job_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"start_after" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mails" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" uuid,
	"to_name" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text,
	"html_body" text,
	"attach_sealed_pdf" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mails_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "seal_identities" (
	"firm_id" uuid PRIMARY KEY NOT NULL,
	"private_key_pkcs8" "bytea" NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"common_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_requests" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"side" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"capacity" text,
	"contact_id" uuid,
	"user_id" uuid,
	"token_hash" text NOT NULL,
	"earlier_token_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"viewed_at" timestamp with time zone,
	"viewed_ip" text,
	"viewed_user_agent" text,
	"code_hash" text,
	"code_sent_at" timestamp with time zone,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"code_verified_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"consent_at" timestamp with time zone,
	"outcome" text,
	"completed_at" timestamp with time zone,
	"completed_ip" text,
	"completed_user_agent" text,
	"typed_name" text,
	"drawn_signature" "bytea",
	"refusal_reason" text,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "signing_requests_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "signing_requests_firm_id_document_id_side_unique" UNIQUE("firm_id","document_id","side")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"replay_of" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_deliveries_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "webhook_deliveries_once" UNIQUE NULLS NOT DISTINCT("firm_id","endpoint_id","event_id","replay_of")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_endpoints_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "signatures" ALTER COLUMN "recorded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "signing_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "signature_reminder_days" integer[] DEFAULT '{3,7}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "signing_period_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_outbox" ADD CONSTRAINT "job_outbox_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_identities" ADD CONSTRAINT "seal_identities_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_contact_fk" FOREIGN KEY ("firm_id","contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_user_fk" FOREIGN KEY ("firm_id","user_id") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_firm_id_endpoint_id_webhook_endpoints_firm_id_id_fk" FOREIGN KEY ("firm_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_outbox_created_idx" ON "job_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mails_created_idx" ON "mails" USING btree ("firm_id","created_at");--> statement-breakpoint
CREATE INDEX "mails_document_idx" ON "mails" USING btree ("firm_id","document_id");--> statement-breakpoint
CREATE INDEX "signing_requests_token_idx" ON "signing_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signing_requests_earlier_tokens_idx" ON "signing_requests" USING gin ("earlier_token_hashes");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("firm_id","endpoint_id","created_at");--> statement-breakpoint
-- Documents sent before e-signature get the deadline sending now sets: a proposal at the end of its validity day (Paris), the other kinds 30 days (the default signing period) after sending.
UPDATE "documents" SET "signing_deadline" = CASE
  WHEN "kind" = 'proposal' AND "valid_until" IS NOT NULL
    THEN (("valid_until" + 1)::timestamp AT TIME ZONE 'Europe/Paris') - interval '1 millisecond'
  ELSE "sent_at" + interval '30 days'
END
WHERE "status" = 'sent' AND "sent_at" IS NOT NULL AND "signing_deadline" IS NULL;
