// "Copy share link": the inputs and policy in the URL fragment, with what was left out said plainly.
import { useState } from 'react';
import type { VerifyForm } from '../../lib/verify-form';
import { createShareLink, type ShareLink } from './share-link';

export function ShareButton({ form, artifactDigest }: { form: VerifyForm; artifactDigest: string | null }) {
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const share = async () => {
    const l = await createShareLink(form, artifactDigest, location.href);
    setLink(l);
    history.replaceState(null, '', l.url);
    try {
      await navigator.clipboard.writeText(l.url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="ml-auto grid justify-items-end gap-1 text-sm">
      <button type="button" onClick={share} className="rounded-md bg-white px-3 py-1.5 font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:ring-slate-700">
        Share link
      </button>
      {link && (
        <div role="status" className="max-w-md text-right text-xs text-slate-600 dark:text-slate-400">
          <p>
            {copied === 'yes' ? 'Link copied; it is also in the address bar.' : 'The link is in the address bar.'} It holds the inputs in the part after “#”, which browsers never send to a server.
          </p>
          {link.leftOut.map((s) => (
            <p key={s}>Left out: {s}.</p>
          ))}
        </div>
      )}
    </div>
  );
}
