// The `cosign verify` (or `verify-attestation`) command line that accepts exactly the pinned signer.
import { anchoredLiteral } from './anchored-regexp';
import { shellQuote } from './shell-quote';
import type { PinnedSigner } from './pinned-signer';
import type { PinOptions } from './pin-options';

// One `--flag='value'` argument; the = form keeps a value that starts with "-" from reading as a flag.
function flag(name: string, value: string): string {
  return `${name}=${shellQuote(value)}`;
}

// The command, one argument per line with shell continuations; every value shell-quoted, IMAGE when no image is given.
export function cosignCommand(signer: PinnedSigner, opts: PinOptions): string {
  const regexp = opts.form === 'regexp';
  const args = [
    ...(signer.predicateType === undefined ? ['cosign verify'] : ['cosign verify-attestation', flag('--type', signer.predicateType)]),
    regexp ? flag('--certificate-identity-regexp', anchoredLiteral(signer.subject)) : flag('--certificate-identity', signer.subject),
    regexp ? flag('--certificate-oidc-issuer-regexp', anchoredLiteral(signer.issuer)) : flag('--certificate-oidc-issuer', signer.issuer),
    ...signer.claims.map((c) => flag(c.flag, c.value)),
    opts.image === undefined ? 'IMAGE' : shellQuote(opts.image),
  ];
  return `${args.join(' \\\n  ')}\n`;
}
