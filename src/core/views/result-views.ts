// The views of one verification, built from what its steps decoded, so the page shows them without decoding anything.
import { defineLazy } from '../encoding/lazy';
import type { VerifyContext } from '../verify/context';
import { certificateView } from './certificate-view';
import { checkpointView } from './checkpoint-view';
import type { ResultViews } from './view-model';

// The leaf, the verified path's CAs and each entry's checkpoint, as far as the run got. Each view is made when first
// read (shown, exported, posted to the page) and then kept; what it is made from is fixed here, when the run ends.
export function resultViews(ctx: VerifyContext): ResultViews {
  const leaf = ctx.leaf;
  const cas = (ctx.chain?.path ?? []).slice(1);
  const notes = (ctx.entries ?? []).flatMap((s) => {
    const note = s.entry.inclusionProof?.checkpoint;
    return note ? [{ where: s.entry.where, note, ...(s.log ? { log: s.log } : {}), verified: s.ok.checkpoint }] : [];
  });
  const views: ResultViews = {};
  if (leaf) defineLazy(views, 'certificate', () => certificateView(leaf, 'leaf'));
  if (cas.length > 0) defineLazy(views, 'chain', () => cas.map((c, i) => certificateView(c, i === cas.length - 1 ? 'root' : 'intermediate')));
  if (notes.length > 0) defineLazy(views, 'checkpoints', () => notes.map(checkpointView));
  return views;
}
