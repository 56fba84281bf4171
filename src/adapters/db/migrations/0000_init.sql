CREATE TABLE "api_tokens" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "api_tokens_firm_id_token_hash_unique" UNIQUE("firm_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_individual" boolean DEFAULT false NOT NULL,
	"legal_form" text,
	"siren" text,
	"siret" text,
	"naf_code" text,
	"activity" text,
	"address_line1" text,
	"address_line2" text,
	"postal_code" text,
	"city" text,
	"country" text DEFAULT 'FR' NOT NULL,
	"fiscal_year_end" text DEFAULT '12-31' NOT NULL,
	"vat_regime" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"civility" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"capacity" text,
	"is_signatory" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"firm_id" uuid NOT NULL,
	"series" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "counters_firm_id_series_pk" PRIMARY KEY("firm_id","series")
);
--> statement-breakpoint
CREATE TABLE "document_lines" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"operation" text DEFAULT 'line' NOT NULL,
	"target_line_id" uuid,
	"origin_line_id" uuid,
	"service_id" uuid,
	"label" text NOT NULL,
	"description" text,
	"unit_label" text,
	"quantity" numeric NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"recurrence" text NOT NULL,
	CONSTRAINT "document_lines_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "document_replacements" (
	"firm_id" uuid NOT NULL,
	"replacement_id" uuid NOT NULL,
	"replaced_id" uuid NOT NULL,
	CONSTRAINT "document_replacements_firm_id_replacement_id_replaced_id_pk" PRIMARY KEY("firm_id","replacement_id","replaced_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"notes" text,
	"valid_until" date,
	"effective_date" date,
	"duration_months" integer DEFAULT 12 NOT NULL,
	"renewal" text DEFAULT 'tacit' NOT NULL,
	"notice_months" integer DEFAULT 3 NOT NULL,
	"payment_terms" text,
	"revision_clause" text,
	"terms_version_id" uuid,
	"amends_letter_id" uuid,
	"source_proposal_id" uuid,
	"duplicated_from_id" uuid,
	"coefficient" numeric,
	"totals" jsonb NOT NULL,
	"frozen" jsonb,
	"sent_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"refused_at" timestamp with time zone,
	"refusal_reason" text,
	"expired_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"replaced_at" timestamp with time zone,
	"replaced_by_id" uuid,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "documents_firm_id_number_unique" UNIQUE("firm_id","number")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"responsible_user_id" uuid NOT NULL,
	"signatory_contact_id" uuid,
	"client_code" text,
	"converted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "engagements_firm_id_client_code_unique" UNIQUE("firm_id","client_code")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"firm_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"engagement_id" uuid,
	"document_id" uuid,
	"actor_user_id" uuid,
	"type" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "events_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"legal_form" text,
	"address_line1" text,
	"address_line2" text,
	"postal_code" text,
	"city" text,
	"phone" text,
	"email" text,
	"siren" text,
	"rcs" text,
	"vat_number" text,
	"ordre_council" text,
	"insurer" text,
	"insurance_coverage" text,
	"consumer_mediator" text,
	"client_code_prefix" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firms_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"firm_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_firm_id_key_pk" PRIMARY KEY("firm_id","key")
);
--> statement-breakpoint
CREATE TABLE "service_prices" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"price_cents" bigint NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"coefficient" numeric,
	"reason" text,
	"changed_by" uuid,
	CONSTRAINT "service_prices_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"domain" text NOT NULL,
	"recurrence" text NOT NULL,
	"pricing_mode" text NOT NULL,
	"unit_label" text,
	"price_cents" bigint NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"professional_standard" text,
	"exclusions" text,
	"task_split" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "services_firm_id_code_unique" UNIQUE("firm_id","code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "sessions_firm_id_token_hash_unique" UNIQUE("firm_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"side" text NOT NULL,
	"method" text NOT NULL,
	"signatory_name" text NOT NULL,
	"capacity" text,
	"contact_id" uuid,
	"user_id" uuid,
	"signed_on" date NOT NULL,
	"scan_file_name" text,
	"scan_content_type" text,
	"scan_base64" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signatures_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "signatures_firm_id_document_id_side_unique" UNIQUE("firm_id","document_id","side")
);
--> statement-breakpoint
CREATE TABLE "terms_versions" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terms_versions_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "terms_versions_firm_id_version_unique" UNIQUE("firm_id","version")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "users_firm_id_email_unique" UNIQUE("firm_id","email")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_firm_id_user_id_users_firm_id_id_fk" FOREIGN KEY ("firm_id","user_id") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_firm_id_company_id_companies_firm_id_id_fk" FOREIGN KEY ("firm_id","company_id") REFERENCES "public"."companies"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replacements" ADD CONSTRAINT "document_replacements_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replacements" ADD CONSTRAINT "document_replacements_firm_id_replacement_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","replacement_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_replacements" ADD CONSTRAINT "document_replacements_firm_id_replaced_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","replaced_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_firm_id_engagement_id_engagements_firm_id_id_fk" FOREIGN KEY ("firm_id","engagement_id") REFERENCES "public"."engagements"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_firm_id_terms_version_id_terms_versions_firm_id_id_fk" FOREIGN KEY ("firm_id","terms_version_id") REFERENCES "public"."terms_versions"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_firm_id_company_id_companies_firm_id_id_fk" FOREIGN KEY ("firm_id","company_id") REFERENCES "public"."companies"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_firm_id_responsible_user_id_users_firm_id_id_fk" FOREIGN KEY ("firm_id","responsible_user_id") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_firm_id_signatory_contact_id_contacts_firm_id_id_fk" FOREIGN KEY ("firm_id","signatory_contact_id") REFERENCES "public"."contacts"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_firm_id_service_id_services_firm_id_id_fk" FOREIGN KEY ("firm_id","service_id") REFERENCES "public"."services"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_firm_id_user_id_users_firm_id_id_fk" FOREIGN KEY ("firm_id","user_id") REFERENCES "public"."users"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_firm_siren_unique" ON "companies" USING btree ("firm_id","siren") WHERE "companies"."siren" is not null;--> statement-breakpoint
CREATE INDEX "companies_firm_name_idx" ON "companies" USING btree ("firm_id","name");--> statement-breakpoint
CREATE INDEX "contacts_firm_id_company_id_index" ON "contacts" USING btree ("firm_id","company_id");--> statement-breakpoint
CREATE INDEX "document_lines_firm_id_document_id_position_index" ON "document_lines" USING btree ("firm_id","document_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_one_letter_per_proposal" ON "documents" USING btree ("firm_id","source_proposal_id") WHERE "documents"."source_proposal_id" is not null;--> statement-breakpoint
CREATE INDEX "documents_firm_engagement_idx" ON "documents" USING btree ("firm_id","engagement_id");--> statement-breakpoint
CREATE INDEX "documents_firm_status_idx" ON "documents" USING btree ("firm_id","status","kind");--> statement-breakpoint
CREATE INDEX "engagements_firm_state_updated_idx" ON "engagements" USING btree ("firm_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "engagements_firm_responsible_idx" ON "engagements" USING btree ("firm_id","responsible_user_id");--> statement-breakpoint
CREATE INDEX "engagements_firm_company_idx" ON "engagements" USING btree ("firm_id","company_id");--> statement-breakpoint
CREATE INDEX "events_engagement_idx" ON "events" USING btree ("firm_id","engagement_id","id");--> statement-breakpoint
CREATE INDEX "events_document_idx" ON "events" USING btree ("firm_id","document_id","id");--> statement-breakpoint
CREATE INDEX "service_prices_firm_id_service_id_valid_from_index" ON "service_prices" USING btree ("firm_id","service_id","valid_from");--> statement-breakpoint
CREATE INDEX "users_email_index" ON "users" USING btree ("email");