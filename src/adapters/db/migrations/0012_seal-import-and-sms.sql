ALTER TABLE "seal_identities" ADD COLUMN "source" text DEFAULT 'self_signed' NOT NULL;--> statement-breakpoint
ALTER TABLE "seal_identities" ADD COLUMN "issuer" text;--> statement-breakpoint
ALTER TABLE "seal_identities" ADD COLUMN "not_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seal_identities" ADD COLUMN "chain_der" "bytea"[];--> statement-breakpoint
ALTER TABLE "signing_requests" ADD COLUMN "signer_mobile" text;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD COLUMN "code_channel" text;