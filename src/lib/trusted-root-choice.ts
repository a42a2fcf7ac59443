// The trusted root a worker request names: the embedded public-good root, or the trusted_root.json the user loaded.
import { parseTrustedRoot, publicGoodTrustedRoot, type TrustedRoot } from '../core';

/** What the page sends the worker: the loaded file's name and text, or null for public-good. */
export type TrustedRootChoice = { name: string; text: string } | null;

// Parse the user's choice (in the worker, where every check runs).
export function trustedRootOf(choice: TrustedRootChoice): TrustedRoot {
  return choice ? parseTrustedRoot(choice.text, { name: 'Custom trusted root', description: `loaded from ${choice.name}` }) : publicGoodTrustedRoot();
}
