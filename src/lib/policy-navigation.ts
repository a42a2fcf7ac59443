// How a feature asks the app to open the Policy mode with a policy (the pin panel's "Evaluate"), without importing it.
import { createContext, useContext } from 'react';

/** What the Policy mode opens with. */
export interface PolicyRequest {
  policy: string;
  /** The image the policy came from, when the verification was of an image. */
  image: string;
}

/** Provided by the app; null where no Policy mode is reachable. */
export const PolicyNavigation = createContext<((policy: string) => void) | null>(null);

// The app's "open the Policy mode with this policy" action, or null.
export function usePolicyNavigation(): ((policy: string) => void) | null {
  return useContext(PolicyNavigation);
}
