// Identity policies that look like checks but accept anyone: a regexp matching every identity or issuer
// (`.*`) proves only that someone with a Sigstore account signed, which is what --inspect says openly.
import { compileMatcher, type IdentityPolicy } from './identity-policy';

/** Unrelated values a real policy would not accept all of. */
const PROBES = [
  'mallory@evil.example',
  'https://github.com/attacker/fork/.github/workflows/release.yml@refs/heads/main',
  'https://token.actions.githubusercontent.com',
  'https://accounts.evil.example',
  'x',
];

/** A matcher of the policy that accepts every probe, by the flag a user typed. */
export interface BroadMatcher {
  flag: '--certificate-identity-regexp' | '--certificate-oidc-issuer-regexp';
  regexp: string;
}

// The regexps of the policy that match every probe value; exact values are never broad.
export async function broadMatchers(policy: IdentityPolicy): Promise<BroadMatcher[]> {
  const out: BroadMatcher[] = [];
  const check = async (m: IdentityPolicy['identity'], flag: BroadMatcher['flag'], what: string) => {
    if (m.regexp === undefined) return;
    const matches = await compileMatcher(m, what);
    if (PROBES.every(matches)) out.push({ flag, regexp: m.regexp });
  };
  await check(policy.identity, '--certificate-identity-regexp', 'certificate identity');
  await check(policy.issuer, '--certificate-oidc-issuer-regexp', 'OIDC issuer');
  return out;
}

// The sentence a warning says about broad matchers.
export function describeBroadMatchers(broad: readonly BroadMatcher[]): string {
  const typed = broad.map((b) => `${b.flag} ${JSON.stringify(b.regexp)}`).join(' and ');
  const identityBroad = broad.some((b) => b.flag === '--certificate-identity-regexp');
  const consequence = identityBroad
    ? 'so this policy does not say who must have signed: anyone with a Sigstore account passes it'
    : 'so the policy does not say which OIDC provider must have vouched for the identity: any provider Fulcio trusts will do';
  return `${typed} match${broad.length === 1 ? 'es' : ''} every value, ${consequence}. Pin --certificate-identity (or a regexp anchored to your repository) and --certificate-oidc-issuer.`;
}
