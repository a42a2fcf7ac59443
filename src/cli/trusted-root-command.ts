// `signet trusted-root [--refresh]`: the embedded trusted root as it is, or one refreshed from a TUF repository
// through the TUF client workflow, written out only when every step verified.
import { readFileSync, writeFileSync } from 'node:fs';
import { publicGoodTrustedRoot, publicGoodTufSeed } from '../core/trust/public-good';
import type { AuditFetch } from '../audit/http';
import { tufPresets } from '../audit/tuf-presets';
import { refreshTrustedRoot } from '../audit/tuf-refresh';
import type { Io } from './io';
import type { ParsedArgs } from './parse-args';
import { formatTimeline } from './print-timeline';
import { defaultTufCacheDir, fileTufCache } from './tuf-file-cache';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';

const nodeFetch: AuditFetch = (url, init) => fetch(url, init);

export const trustedRootVerb: Verb = {
  name: 'trusted-root',
  summary: 'print the embedded trusted_root.json, or refresh it from a TUF repository (--refresh)',
  synopsis: '[--refresh [--preset public-good|github|staging | --tuf-url URL] [--tuf-root FILE]] [--out FILE]',
  operands: { name: 'none', min: 0, max: 0 },
  flags: [
    { name: 'refresh', help: 'fetch and verify trusted_root.json through the TUF client workflow (TUF spec §5)' },
    { name: 'preset', value: 'NAME', choices: ['public-good', 'github', 'staging'], help: 'which repository (default public-good)' },
    { name: 'tuf-url', value: 'URL', help: 'another TUF repository (needs --tuf-root unless it is public-good)' },
    { name: 'tuf-root', value: 'FILE', help: 'the root.json to start from (default: the embedded public-good seed; required for github and staging)' },
    { name: 'out', value: 'FILE', help: 'write trusted_root.json here (default: standard output)' },
    { name: 'cache-dir', value: 'DIR', help: 'verified metadata kept between runs (default $XDG_CACHE_HOME/signet/tuf)' },
    { name: 'json', help: 'print the refresh record as JSON on standard error' },
  ],
  notes: ['Expired, rolled-back or mismatched metadata fails with the dates or versions and writes nothing; without --refresh the embedded root is printed, labelled as such.'],
  run: (args, io) => runTrustedRoot(args, io),
};

// Print or refresh; exit 0 when the root written is the one asked for.
export async function runTrustedRoot(args: ParsedArgs, io: Io, fetch: AuditFetch = nodeFetch): Promise<number> {
  const write = (text: string) => {
    const out = args.string('out');
    if (out) writeFileSync(out, text);
    else io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  };
  if (!args.boolean('refresh')) {
    io.stderr(`note: the embedded trusted root (${publicGoodTrustedRoot().source.description}); not refreshed — use --refresh to fetch the current one\n`);
    write(publicGoodTufSeed().trustedRootJson);
    return EXIT.verified;
  }
  const preset = tufPresets().find((p) => p.name === (args.string('preset') ?? 'public-good'))!;
  const url = args.string('tuf-url') ?? preset.url;
  const rootFile = args.string('tuf-root');
  const seed = rootFile ? { rootJson: readFileSync(rootFile, 'utf8'), source: `root.json from ${rootFile}` } : url === publicGoodTufSeed().url ? tufPresets()[0]!.seed : undefined;
  if (!seed) throw new UsageError(`trusted-root --refresh: ${url} has no embedded root.json; give the one you trust with --tuf-root FILE`);
  const refresh = await refreshTrustedRoot({ fetch, url, seedRoot: seed.rootJson, seedSource: seed.source, cache: fileTufCache(args.string('cache-dir') ?? defaultTufCacheDir(io.env)), baseline: publicGoodTrustedRoot() });
  io.stderr(args.boolean('json') ? `${JSON.stringify({ ...refresh.result, changes: refresh.changes ?? [] }, null, 2)}\n` : `${formatTimeline(refresh.result, io.stderrIsTTY && !io.env.NO_COLOR)}\n`);
  if (refresh.result.verdict !== 'verified' || !refresh.trustedRootJson) {
    io.stderr('signet: nothing written; Signet keeps verifying against the embedded trusted root, labelled as such.\n');
    return EXIT.notVerified;
  }
  if (!args.boolean('json')) for (const c of refresh.changes ?? []) io.stderr(`  ${c.kind} ${c.entity}: ${c.name} — ${c.detail}\n`);
  write(refresh.trustedRootJson);
  return EXIT.verified;
}

