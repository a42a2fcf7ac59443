// Messages between the Policy mode and its worker (structured-clone safe).
import type { NoMatchPolicy } from '../../core';
import type { AdmissionReport } from '../../image';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';
import type { VerifierOptions } from '../../lib/verify-form';

export interface AdmissionMessage {
  type: 'admission';
  id: number;
  policies: { name: string; text: string }[];
  /** Image references (one Pod each), or a manifest. */
  images?: string[];
  manifest?: string;
  noMatchPolicy: NoMatchPolicy;
  trustedRoot: TrustedRootChoice;
  /** The Trust choices' verifier options, as the Verify mode sends them (each waived check is a warn step). */
  options: VerifierOptions;
  /** Typed by the user for a private registry; held in the worker's memory for this request only. */
  credentials: { username: string; password: string } | null;
}

export type AdmissionReply =
  | { type: 'progress'; id: number; message: string }
  | { type: 'report'; id: number; report: AdmissionReport }
  | { type: 'error'; id: number; message: string; code?: string };
