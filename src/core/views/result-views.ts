// The views of one verification, built from what its steps decoded, so the page shows them without decoding anything.
import type { VerifyContext } from '../verify/context';
import { certificateView } from './certificate-view';
import { checkpointView } from './checkpoint-view';
import type { ResultViews } from './view-model';

// The leaf, the verified path's CAs and each entry's checkpoint, as far as the run got.
export function resultViews(ctx: VerifyContext): ResultViews {
  const path = ctx.chain?.path ?? [];
  const checkpoints = (ctx.entries ?? []).flatMap((s) => {
    const note = s.entry.inclusionProof?.checkpoint;
    return note ? [checkpointView({ where: s.entry.where, note, ...(s.log ? { log: s.log } : {}), verified: s.ok.checkpoint })] : [];
  });
  return {
    ...(ctx.leaf ? { certificate: certificateView(ctx.leaf, 'leaf') } : {}),
    ...(path.length > 1 ? { chain: path.slice(1).map((c, i) => certificateView(c, i === path.length - 2 ? 'root' : 'intermediate')) } : {}),
    ...(checkpoints.length > 0 ? { checkpoints } : {}),
  };
}
