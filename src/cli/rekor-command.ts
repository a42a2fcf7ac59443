// `signet rekor search|get|verify`: the transparency log asked directly, with rekor-cli's output shape and
// --json for the record. Every answer is checked; search results are leads from a deprecated index.
import { readFileSync } from 'node:fs';
import { parseAnySignatureInput } from '../core/bundle/parse-signature-input';
import { toHex } from '../core/encoding/hex';
import type { MerklePathEvidence } from '../core/evidence';
import type { VerificationResult } from '../core/verify/types';
import type { RekorLogEntry } from '../core/tlog';
import { checkLogEntry } from '../audit/entry-record';
import type { AuditFetch } from '../audit/http';
import { checkAgainstLiveLog } from '../audit/live-check';
import { createRekorV1Client, REKOR_INDEX_CAVEAT, type RekorSearchQuery, type RekorV1Client } from '../audit/rekor-v1';
import { witnessPolicy, type WitnessPolicy } from '../audit/witness';
import type { Io } from './io';
import type { ParsedArgs } from './parse-args';
import { loadTrustedRoot } from './policy-flags';
import { formatTimeline, sanitize } from './print-timeline';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';

const DEFAULT_REKOR = 'https://rekor.sigstore.dev';
const nodeFetch: AuditFetch = (url, init) => fetch(url, init);
const ACTIONS = ['search', 'get', 'verify'] as const;

export const rekorVerb: Verb = {
  name: 'rekor',
  summary: 'ask the transparency log: search its index, get an entry, verify an entry or a bundle against the log today',
  synopsis: 'search|get|verify [flags]',
  operands: { name: 'search | get | verify', min: 1, max: 1 },
  flags: [
    { name: 'email', value: 'E', help: 'search: entries whose certificate names this e-mail address' },
    { name: 'sha', value: 'DIGEST', help: 'search: entries for this artifact digest (sha256:<hex> or sha512:<hex>)' },
    { name: 'public-key', value: 'FILE', help: 'search: entries signed with this PEM key (or certificate, with --pki-format x509)' },
    { name: 'pki-format', value: 'FORMAT', choices: ['pkix', 'x509'], help: 'search: what --public-key holds (default pkix)' },
    { name: 'uuid', value: 'U', help: 'get, verify: the entry with this 64-hex UUID or 80-hex entry ID' },
    { name: 'log-index', value: 'N', help: 'get, verify: the entry at this log index' },
    { name: 'bundle', value: 'FILE', help: 'verify: every log entry of this bundle, against the log as it is today' },
    { name: 'rekor-url', value: 'URL', help: `the Rekor v1 log to ask (default ${DEFAULT_REKOR}; for verify --bundle, replaces the URL of the bundle's log)` },
    { name: 'trusted-root', value: 'FILE', help: 'trusted_root.json whose log keys are trusted (default: the embedded public-good root)' },
    { name: 'witness', value: 'VKEY', repeatable: true, help: 'verify: today’s tree head must carry this witness’s cosignature (C2SP vkey name+keyid+key, cosignature/v1 Ed25519); repeatable' },
    { name: 'witness-threshold', value: 'N', help: 'verify: how many of the --witness keys must have cosigned (default: all of them)' },
    { name: 'json', help: 'print the record as JSON' },
  ],
  notes: [
    'Search uses Rekor’s index, which is deprecated upstream and may be incomplete; results are leads, each checked when fetched.',
    'Exit status: 0 when every entry verified, 1 when one did not, 2 for usage errors.',
  ],
  run: (args, io) => runRekor(args, io),
};

// Dispatch search, get or verify; exit 0 when everything asked for verified.
export async function runRekor(args: ParsedArgs, io: Io, fetch: AuditFetch = nodeFetch): Promise<number> {
  const action = args.operands[0] as (typeof ACTIONS)[number];
  if (!ACTIONS.includes(action)) throw new UsageError(`rekor: the first operand is search, get or verify, not ${JSON.stringify(String(action).slice(0, 40))}`);
  const json = args.boolean('json');
  const print = (text: string) => io.stdout(`${text}\n`);
  const colour = io.stdoutIsTTY && !io.env.NO_COLOR;
  const rekorUrl = args.string('rekor-url');
  const client = createRekorV1Client({ fetch, url: rekorUrl ?? DEFAULT_REKOR });
  if (action === 'search') {
    const query = searchQuery(args);
    const ids = await client.search(query);
    if (json) print(JSON.stringify({ rekor: client.url, query, entries: ids, caveat: REKOR_INDEX_CAVEAT }, null, 2));
    else {
      print(ids.length === 0 ? 'No matching entries were found' : `Found matching entries (listed by UUID):\n${ids.join('\n')}`);
      io.stderr(`note: ${REKOR_INDEX_CAVEAT}\n`);
    }
    return EXIT.verified;
  }
  const trustedRoot = loadTrustedRoot(args);
  if (action === 'get') {
    const found = await fetchEntry(client, args);
    const result = await checkLogEntry(found, trustedRoot);
    if (json) print(JSON.stringify(result, null, 2));
    else print(`LogID: ${toHex(found.entry.logId)}\nIndex: ${found.entry.logIndex}\nIntegratedTime: ${new Date(found.entry.integratedTime! * 1000).toISOString()}\nUUID: ${found.entryId}\nBody: ${sanitize(JSON.stringify(found.body, null, 2))}\n\n${formatTimeline(result, colour)}`);
    return result.verdict === 'verified' ? EXIT.verified : EXIT.notVerified;
  }
  const witnesses = await witnessFlags(args);
  const liveOptions = { fetch, trustedRoot, ...(rekorUrl ? { logUrl: () => rekorUrl } : {}), ...(witnesses ? { witnesses } : {}) };
  const bundleFile = args.string('bundle');
  if (bundleFile) {
    if (args.has('uuid') || args.has('log-index')) throw new UsageError('rekor verify: give --bundle, or --uuid / --log-index, not both');
    const results = await Promise.all(parseAnySignatureInput(readFileSync(bundleFile, 'utf8')).map((b) => checkAgainstLiveLog(b.tlogEntries, liveOptions)));
    for (const r of results) print(json ? JSON.stringify(r, null, 2) : verifyText(r, colour));
    return results.every((r) => r.verdict === 'verified') ? EXIT.verified : EXIT.notVerified;
  }
  const found = await fetchEntry(client, args);
  const entry = await checkLogEntry(found, trustedRoot);
  const live = await checkAgainstLiveLog([found.entry], { ...liveOptions, logUrl: () => client.url });
  print(json ? JSON.stringify({ entry, live }, null, 2) : `${formatTimeline(entry, colour)}\n\n${verifyText(live, colour)}`);
  return entry.verdict === 'verified' && live.verdict === 'verified' ? EXIT.verified : EXIT.notVerified;
}

// The witness policy --witness and --witness-threshold give, or none; a bad key or threshold is a usage error.
async function witnessFlags(args: ParsedArgs): Promise<WitnessPolicy | undefined> {
  const vkeys = args.list('witness');
  const threshold = args.string('witness-threshold');
  if (vkeys.length === 0) {
    if (threshold !== undefined) throw new UsageError('--witness-threshold needs --witness keys');
    return undefined;
  }
  if (threshold !== undefined && !/^[1-9][0-9]{0,3}$/.test(threshold)) throw new UsageError('--witness-threshold is a positive integer');
  try {
    return await witnessPolicy(vkeys, threshold === undefined ? undefined : Number(threshold));
  } catch (err) {
    throw new UsageError(`--witness: ${(err as Error).message}`);
  }
}

// The one search the flags ask for.
function searchQuery(args: ParsedArgs): RekorSearchQuery {
  const [email, sha, key] = [args.string('email'), args.string('sha'), args.string('public-key')];
  if ([email, sha, key].filter((x) => x !== undefined).length !== 1) throw new UsageError('rekor search: give exactly one of --email, --sha, --public-key');
  if (email) return { email };
  if (sha) return { sha };
  const format = (args.string('pki-format') ?? 'pkix') as 'pkix' | 'x509';
  return { publicKey: { format, pem: readFileSync(key!, 'utf8') } };
}

// The entry --uuid or --log-index names.
function fetchEntry(client: RekorV1Client, args: ParsedArgs): Promise<RekorLogEntry> {
  const [uuid, index] = [args.string('uuid'), args.string('log-index')];
  if ((uuid === undefined) === (index === undefined)) throw new UsageError('rekor: give exactly one of --uuid, --log-index');
  if (uuid) return client.getByUuid(uuid);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(index!)) throw new UsageError('--log-index is a non-negative integer');
  return client.getByIndex(Number(index));
}

// rekor-cli verify's lines (today's root and size, the entry and its audit path), then the timeline.
function verifyText(result: VerificationResult, colour: boolean): string {
  const path = result.steps.flatMap((s) => (s.id === 'live.inclusion' ? s.evidence : [])).find((e) => e.kind === 'merkle-path')?.value as MerklePathEvidence | undefined;
  if (path) {
    const lines = [`Current Root Hash: ${path.expectedRoot}`, `Entry Hash: ${path.leafHash}`, `Entry Index: ${path.leafIndex}`, `Current Tree Size: ${path.treeSize}`, '', 'Inclusion Proof:'];
    let node = path.leafHash;
    for (const level of path.levels) {
      lines.push(`SHA256(0x01 | ${level.side === 'left' ? `${level.sibling} | ${node}` : `${node} | ${level.sibling}`}) =\n\t${level.result}`);
      node = level.result;
    }
    return `${lines.join('\n')}\n\n${formatTimeline(result, colour)}`;
  }
  return formatTimeline(result, colour);
}
