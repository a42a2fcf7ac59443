// The `Link` header of paginated registry answers (RFC 8288 §3; OCI distribution spec v1.1 referrers pagination).
import { VerifyError } from '../core/errors';
import { OCI_LIMITS } from './limits';

const LINK_VALUE = /<([^>]*)>((?:\s*;\s*[^;,]*)*)/g;
const REL_NEXT = /;\s*rel\s*=\s*"?([^";,]*)"?/i;

// The absolute URL of the rel="next" link, resolved against the request URL, or undefined on the last page.
export function nextLink(header: string | null, requestUrl: string): string | undefined {
  if (header === null) return undefined;
  if (header.length > OCI_LIMITS.headerChars) {
    throw new VerifyError('LIMIT_EXCEEDED', `the Link header is ${header.length} characters, over the limit of ${OCI_LIMITS.headerChars}`, { where: 'Link' });
  }
  for (const [, target = '', params = ''] of header.matchAll(LINK_VALUE)) {
    const rel = REL_NEXT.exec(params)?.[1]?.toLowerCase().split(/\s+/);
    if (!rel?.includes('next')) continue;
    try {
      return new URL(target, requestUrl).toString();
    } catch {
      throw new VerifyError('OCI_REQUEST_FAILED', `the Link header's next page <${target.slice(0, 100)}> is not a URL`, { where: 'Link', found: target.slice(0, 300) });
    }
  }
  return undefined;
}
