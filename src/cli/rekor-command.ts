// `signet rekor search|get|verify`: the transparency log asked directly, with rekor-cli's output shape and
// --json for the record. Every answer is checked; search results are leads from a deprecated index.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseAnySignatureInput, toHex, type MerklePathEvidence, type VerificationResult } from '../core';
import { checkAgainstLiveLog, checkLogEntry, createRekorV1Client, REKOR_INDEX_CAVEAT, type AuditFetch, type RekorSearchQuery } from '../audit';
import { loadTrustedRoot } from './policy-flags';
import { formatTimeline, sanitize } from './print-timeline';
import { UsageError } from './usage-error';

export const REKOR_USAGE = `signet rekor search (--email E | --sha sha256:HEX | --public-key PEM_FILE [--pki-format pkix|x509]) [--rekor-url U] [--json]
  signet rekor get (--uuid U | --log-index N) [--rekor-url U] [--trusted-root FILE] [--json]
  signet rekor verify (--uuid U | --log-index N | --bundle FILE) [--rekor-url U] [--trusted-root FILE] [--json]`;

const DEFAULT_REKOR = 'https://rekor.sigstore.dev';
const nodeFetch: AuditFetch = (url, init) => fetch(url, init);

const OPTIONS = {
  email: { type: 'string' },
  sha: { type: 'string' },
  'public-key': { type: 'string' },
  'pki-format': { type: 'string' },
  uuid: { type: 'string' },
  'log-index': { type: 'string' },
  bundle: { type: 'string' },
  'rekor-url': { type: 'string' },
  'trusted-root': { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

// Dispatch search, get or verify; exit 0 when everything asked for verified.
export async function rekorCommand(argv: string[], fetch: AuditFetch = nodeFetch): Promise<number> {
  const [verb, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  if (positionals.length > 0) throw new UsageError(REKOR_USAGE);
  const v = values as Values;
  const client = createRekorV1Client({ fetch, url: v['rekor-url'] ?? DEFAULT_REKOR });
  switch (verb) {
    case 'search':
      return search(client, searchQuery(v), Boolean(v.json));
    case 'get': {
      const found = await fetchEntry(client, v);
      const result = await checkLogEntry(found, loadTrustedRoot(v['trusted-root']));
      if (v.json) print(JSON.stringify(result, null, 2));
      else print(`LogID: ${toHex(found.entry.logId)}\nIndex: ${found.entry.logIndex}\nIntegratedTime: ${new Date(found.entry.integratedTime! * 1000).toISOString()}\nUUID: ${found.entryId}\nBody: ${sanitize(JSON.stringify(found.body, null, 2))}\n\n${formatTimeline(result, process.stdout.isTTY === true)}`);
      return result.verdict === 'verified' ? 0 : 1;
    }
    case 'verify': {
      const trustedRoot = loadTrustedRoot(v['trusted-root']);
      const liveOptions = { fetch, trustedRoot, ...(v['rekor-url'] ? { logUrl: () => v['rekor-url']! } : {}) };
      if (v.bundle) {
        if (v.uuid || v['log-index']) throw new UsageError(REKOR_USAGE);
        const results = await Promise.all(parseAnySignatureInput(readFileSync(v.bundle, 'utf8')).map((b) => checkAgainstLiveLog(b.tlogEntries, liveOptions)));
        for (const r of results) printVerify(r, Boolean(v.json));
        return results.every((r) => r.verdict === 'verified') ? 0 : 1;
      }
      const found = await fetchEntry(client, v);
      const entry = await checkLogEntry(found, trustedRoot);
      const live = await checkAgainstLiveLog([found.entry], { ...liveOptions, logUrl: () => client.url });
      if (v.json) print(JSON.stringify({ entry, live }, null, 2));
      else {
        print(formatTimeline(entry, process.stdout.isTTY === true));
        print('');
        printVerify(live, false);
      }
      return entry.verdict === 'verified' && live.verdict === 'verified' ? 0 : 1;
    }
    default:
      throw new UsageError(REKOR_USAGE);
  }
}

// The one search the flags ask for.
function searchQuery(v: Values): RekorSearchQuery {
  const given = [v.email, v.sha, v['public-key']].filter((x) => x !== undefined);
  if (given.length !== 1) throw new UsageError(`give exactly one of --email, --sha, --public-key\n\n${REKOR_USAGE}`);
  if (v.email) return { email: v.email };
  if (v.sha) return { sha: v.sha };
  const format = v['pki-format'] ?? 'pkix';
  if (format !== 'pkix' && format !== 'x509') throw new UsageError('--pki-format is pkix (a PEM public key) or x509 (a PEM certificate)');
  return { publicKey: { format, pem: readFileSync(v['public-key']!, 'utf8') } };
}

// rekor-cli search's output: the UUIDs, then the index caveat.
async function search(client: ReturnType<typeof createRekorV1Client>, query: RekorSearchQuery, json: boolean): Promise<number> {
  const ids = await client.search(query);
  if (json) print(JSON.stringify({ rekor: client.url, query, entries: ids, caveat: REKOR_INDEX_CAVEAT }, null, 2));
  else {
    print(ids.length === 0 ? 'No matching entries were found' : `Found matching entries (listed by UUID):\n${ids.join('\n')}`);
    process.stderr.write(`note: ${REKOR_INDEX_CAVEAT}\n`);
  }
  return 0;
}

// The entry --uuid or --log-index names.
function fetchEntry(client: ReturnType<typeof createRekorV1Client>, v: Values) {
  if ((v.uuid === undefined) === (v['log-index'] === undefined)) throw new UsageError(`give exactly one of --uuid, --log-index\n\n${REKOR_USAGE}`);
  if (v.uuid) return client.getByUuid(v.uuid);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(v['log-index']!)) throw new UsageError('--log-index is a non-negative integer');
  return client.getByIndex(Number(v['log-index']));
}

// rekor-cli verify's lines (today's root and size, the entry and its audit path), then the timeline.
function printVerify(result: VerificationResult, json: boolean): void {
  if (json) return print(JSON.stringify(result, null, 2));
  const path = result.steps.flatMap((s) => (s.id === 'live.inclusion' ? s.evidence : [])).find((e) => e.kind === 'merkle-path')?.value as MerklePathEvidence | undefined;
  if (path) {
    const lines = [`Current Root Hash: ${path.expectedRoot}`, `Entry Hash: ${path.leafHash}`, `Entry Index: ${path.leafIndex}`, `Current Tree Size: ${path.treeSize}`, '', 'Inclusion Proof:'];
    let node = path.leafHash;
    for (const level of path.levels) {
      lines.push(`SHA256(0x01 | ${level.side === 'left' ? `${level.sibling} | ${node}` : `${node} | ${level.sibling}`}) =\n\t${level.result}`);
      node = level.result;
    }
    print(`${lines.join('\n')}\n`);
  }
  print(formatTimeline(result, process.stdout.isTTY === true));
}

// Write a line to stdout (text from the log is sanitized where it is put in).
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
