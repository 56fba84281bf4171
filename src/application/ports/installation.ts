/**
 * The installation's one-time setup link (the first firm of an empty database in production): only
 * the token's hash is kept, one link at a time.
 */
export type InstallationRepository = {
  /** A new link: the one before it, if any, dies. */
  replaceSetupToken(input: { tokenHash: string; expiresAt: Date; at: Date }): Promise<void>;
  /** Spends the link if it is live: true for one caller only, however many try at once. */
  claimSetupToken(tokenHash: string, now: Date): Promise<boolean>;
  /** Gives a claimed link back: the setup it was spent on failed and nothing was created. */
  releaseSetupToken(tokenHash: string): Promise<void>;
};
