// Many images at once: every distinct image verified once (references naming the same digest share one
// verification), a bounded number at a time, over one registry client so tokens and manifests are shared.
import { parseImageReference } from '../oci';
import type { ImageVerificationResult } from './types';
import { verifyImage, type VerifyImageRequest } from './verify-image';

export interface VerifyManyRequest extends Omit<VerifyImageRequest, 'reference' | 'onProgress'> {
  references: readonly string[];
  /** Images verified at the same time (at least 1). */
  concurrency: number;
  /** Called as each distinct image settles. */
  onSettled?: (progress: { done: number; total: number; failed: number }) => void;
}

/** One distinct image: every reference given that names it, and its verification. */
export interface ImageOutcome {
  references: string[];
  result: ImageVerificationResult;
}

// Verify each distinct image once, in the order first given; references resolving to the same digest are grouped.
export async function verifyImages(req: VerifyManyRequest): Promise<ImageOutcome[]> {
  const distinct = [...new Map(req.references.map((r) => [canonicalOrSelf(r), r])).values()];
  const byDigest = new Map<string, ImageOutcome>();
  const outcomes: (ImageOutcome | undefined)[] = [];
  let aliased = 0;
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async () => {
    for (let i = next++; i < distinct.length; i = next++) {
      const reference = distinct[i]!;
      const target = await digestKey(req, reference);
      const claimed = target ? byDigest.get(target) : undefined;
      if (claimed) {
        aliased++;
        claimed.references.push(reference);
        continue;
      }
      const outcome: ImageOutcome = { references: [reference], result: undefined as never };
      if (target) byDigest.set(target, outcome);
      outcome.result = await verifyImage({ ...req, reference });
      outcomes[i] = outcome;
      done++;
      if (outcome.result.verdict !== 'verified') failed++;
      req.onSettled?.({ done, total: distinct.length - aliased, failed });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(req.concurrency, distinct.length)) }, worker));
  // Which reference of a group resolved first depends on timing; report every group in the order the references were given.
  const given = new Map(distinct.map((r, i) => [r, i]));
  const byGiven = (x: string, y: string) => given.get(x)! - given.get(y)!;
  const settled = outcomes.filter((o): o is ImageOutcome => o !== undefined);
  for (const o of settled) o.references.sort(byGiven);
  return settled.sort((x, y) => byGiven(x.references[0]!, y.references[0]!));
}

// The same image written two ways (`app` and `docker.io/library/app:latest`) counts once.
function canonicalOrSelf(reference: string): string {
  try {
    return parseImageReference(reference).canonical;
  } catch {
    return reference;
  }
}

// registry/repository@digest the reference names now, or undefined when it cannot be resolved (its verification then says why).
async function digestKey(req: VerifyManyRequest, reference: string): Promise<string | undefined> {
  try {
    const ref = parseImageReference(reference);
    const image = await req.client.resolve(ref);
    return `${ref.registry}/${ref.repository}@${image.digest}`;
  } catch {
    return undefined;
  }
}
