// One image verification a Policy-mode decision rests on, shown with the image result view and what it was asked to check.
import type { AdmissionTimeline } from '../image';
import { EMPTY_FORM } from '../lib/verify-form';
import { ImageResultView } from './image-result-view';

export function AdmissionTimelineView({ timeline }: { timeline: AdmissionTimeline }) {
  const keyless = timeline.label.includes('keyless');
  return (
    <div className="grid min-w-0 gap-2">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Verified for {timeline.label}.{' '}
        {keyless && 'The signer’s identity is matched by the policy’s own rule (above), so this timeline’s identity step reads “not checked”.'}
      </p>
      <ImageResultView result={timeline.result} form={{ ...EMPTY_FORM, source: 'image', imageRef: timeline.image, mode: keyless ? 'inspect' : 'key' }} share={null} />
    </div>
  );
}
