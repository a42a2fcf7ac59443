// Refresh a Sigstore trusted root from its TUF repository, following the TUF client workflow (spec §5) over an
// injected fetch and a cache of verified metadata. Nothing falls back silently: an expired, rolled-back or
// mismatched file fails its step with the dates or versions; only the caller decides to use another root.
import { fromUtf8 } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import { VerifyError } from '../core/errors';
import { LIMITS } from '../core/limits';
import { parseTrustedRoot } from '../core/trust/parse-trusted-root';
import { diffTrustedRoots, type TrustChange } from '../core/trust/trust-diff';
import { parseMetadata, type Envelope, type Role, type Root, type Snapshot, type Targets, type Timestamp } from '../core/trust/tuf/metadata';
import { targetInfo, verifyNextRoot, verifySnapshot, verifyTargets, verifyTimestamp, assertFileInfo, assertNotExpired } from '../core/trust/tuf/verify-metadata';
import type { TrustedRoot } from '../core/trust/types';
import { runPlan, type Plan } from '../core/verify/plan';
import { StepRecorder } from '../core/verify/step-recorder';
import type { VerificationResult } from '../core/verify/types';
import { auditResult, startAudit } from './audit-result';
import { TUF_CATALOGUE, TUF_STEP_IDS, type TufStepId } from './catalogue';
import { baseUrl, DEFAULT_EXCHANGE_LIMITS, exchange, fetchOk, type AuditFetch, type Exchange, type ExchangeLimits } from './http';

// "1 CA", "2 CAs": a count with its noun.
const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Verified metadata kept between refreshes, per repository (IndexedDB in the browser, files in the CLI). */
export interface TufCache {
  read(repository: string, name: string): Promise<string | undefined>;
  write(repository: string, name: string, text: string): Promise<void>;
}

export interface TufRefreshOptions {
  fetch: AuditFetch;
  /** The repository's base URL, e.g. https://tuf-repo-cdn.sigstore.dev. */
  url: string;
  /** root.json the workflow starts from when the cache holds no newer one (the trust anchor). */
  seedRoot: string;
  /** Where the seed came from, for the record. */
  seedSource: string;
  cache?: TufCache;
  /** The root this refresh is compared with (the embedded one), for "what changed". */
  baseline?: TrustedRoot;
  /** Epoch milliseconds; default now. */
  now?: number;
  limits?: Partial<ExchangeLimits>;
}

export interface TufRefresh {
  result: VerificationResult;
  /** The verified trusted_root.json, as served. */
  trustedRootJson?: string;
  trustedRoot?: TrustedRoot;
  /** Other Sigstore targets verified with it (signing_config). */
  extraTargets: Record<string, string>;
  changes?: TrustChange[];
}

const TRUSTED_ROOT = 'trusted_root.json';
const EXTRA_TARGETS = ['signing_config.v0.2.json'];

interface TufContext {
  o: TufRefreshOptions;
  x: Exchange;
  url: string;
  now: number;
  root?: Root;
  rootChanged?: boolean;
  timestamp?: Timestamp;
  snapshot?: Snapshot;
  targets?: Targets;
  out: Omit<TufRefresh, 'result'>;
}

// Fetch one metadata file and parse it as the role; text and bytes both kept for hashing.
async function metadata<T extends 'root' | 'timestamp' | 'snapshot' | 'targets'>(ctx: TufContext, name: string, type: T) {
  const bytes = await fetchOk(ctx.x, `${ctx.url}/${name}`, name, { method: 'GET', headers: { Accept: 'application/json' } }, LIMITS.tufMetadataBytes);
  const text = fromUtf8(bytes, name);
  return { bytes, text, envelope: parseMetadata(text, type, name) };
}

// The cached version of a role, if it parses (it was verified when written; a corrupt cache is ignored).
async function cached<T extends 'root' | 'timestamp' | 'snapshot'>(ctx: TufContext, name: string, type: T): Promise<Envelope<Extract<Role, { type: T }>> | undefined> {
  const text = await ctx.o.cache?.read(ctx.url, name);
  if (!text) return undefined;
  try {
    return parseMetadata(text, type, `cached ${name}`);
  } catch {
    return undefined;
  }
}

// A file in the repository under consistent snapshots: dir/<prefix>.<basename> (TUF spec §5.6.1, §5.7.3).
function consistentName(name: string, prefix: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}${prefix}.${name.slice(slash + 1)}`;
}

const TUF_PLAN: Plan<TufStepId, never, TufContext> = {
  order: TUF_STEP_IDS,
  catalogue: TUF_CATALOGUE,
  conditions: {},
  checks: {
    'tuf.root': {
      async run(ctx) {
        const seed = parseMetadata(ctx.o.seedRoot, 'root', `seed root (${ctx.o.seedSource})`);
        const fromCache = await cached(ctx, 'root.json', 'root');
        let trusted = fromCache && fromCache.signed.version > seed.signed.version ? fromCache : seed;
        const start = trusted;
        for (let i = 0; i < LIMITS.tufRootRotations; i++) {
          const name = `${trusted.signed.version + 1}.root.json`;
          const answer = await exchange(ctx.x, `${ctx.url}/${name}`, { method: 'GET', headers: { Accept: 'application/json' } }, name, LIMITS.tufMetadataBytes);
          if (answer.status === 404) break;
          if (answer.status !== 200) throw new VerifyError('TUF_REQUEST_FAILED', `${name}: ${ctx.url} answered HTTP ${answer.status}`, { expected: 'HTTP 200 or 404', found: `HTTP ${answer.status}`, where: `${ctx.url}/${name}` });
          const text = fromUtf8(answer.bytes, name);
          const next = parseMetadata(text, 'root', name);
          await verifyNextRoot(trusted.signed, next);
          trusted = next;
          await ctx.o.cache?.write(ctx.url, 'root.json', text);
        }
        // §5.3.10: only the newest root must be unexpired; older ones are only stepping stones.
        assertNotExpired(trusted.signed, `root.json version ${trusted.signed.version}`, ctx.now);
        ctx.root = trusted.signed;
        ctx.rootChanged = trusted !== (fromCache ?? seed);
        const walked = trusted.signed.version - start.signed.version;
        return {
          summary: `Root version ${trusted.signed.version} (from version ${start.signed.version}${start === seed ? ` of the ${ctx.o.seedSource} seed` : ' cached'}${walked ? `, ${walked} rotation${walked === 1 ? '' : 's'} verified` : ', no newer root'}), expires ${trusted.signed.expiresText}.`,
          evidence: [
            { kind: 'text', label: 'repository', value: ctx.url },
            { kind: 'text', label: 'started from', value: `root version ${start.signed.version} (${start === seed ? ctx.o.seedSource : 'cache of verified metadata'})` },
            { kind: 'text', label: 'root version', value: String(trusted.signed.version) },
            { kind: 'time', label: 'root expires', value: new Date(trusted.signed.expires).toISOString() },
            { kind: 'text', label: 'root threshold', value: `${trusted.signed.roles.root.threshold} of ${trusted.signed.roles.root.keyids.length} keys` },
          ],
        };
      },
    },
    'tuf.timestamp': {
      async run(ctx) {
        // §5.3.11: after a root rotation the old timestamp and snapshot no longer bind (their keys may have changed).
        const previous = ctx.rootChanged ? undefined : (await cached(ctx, 'timestamp.json', 'timestamp'))?.signed;
        const { text, envelope } = await metadata(ctx, 'timestamp.json', 'timestamp');
        await verifyTimestamp(ctx.root!, envelope, previous, ctx.now);
        ctx.timestamp = envelope.signed;
        await ctx.o.cache?.write(ctx.url, 'timestamp.json', text);
        return {
          summary: `Timestamp version ${envelope.signed.version}${previous ? ` (trusted before: ${previous.version})` : ''} names snapshot version ${envelope.signed.snapshot.version}; expires ${envelope.signed.expiresText}.`,
          evidence: [
            { kind: 'text', label: 'timestamp version', value: String(envelope.signed.version) },
            { kind: 'time', label: 'timestamp expires', value: new Date(envelope.signed.expires).toISOString() },
          ],
        };
      },
    },
    'tuf.snapshot': {
      async run(ctx) {
        const previous = ctx.rootChanged ? undefined : (await cached(ctx, 'snapshot.json', 'snapshot'))?.signed;
        const version = ctx.timestamp!.snapshot.version!;
        const name = ctx.root!.consistentSnapshot ? `${version}.snapshot.json` : 'snapshot.json';
        const { bytes, text, envelope } = await metadata(ctx, name, 'snapshot');
        await verifySnapshot(ctx.root!, ctx.timestamp!, bytes, envelope, previous, ctx.now);
        ctx.snapshot = envelope.signed;
        await ctx.o.cache?.write(ctx.url, 'snapshot.json', text);
        return { summary: `Snapshot version ${version} matches the timestamp and names targets version ${envelope.signed.meta['targets.json']?.version ?? '?'}; expires ${envelope.signed.expiresText}.`, evidence: [{ kind: 'time', label: 'snapshot expires', value: new Date(envelope.signed.expires).toISOString() }] };
      },
    },
    'tuf.targets': {
      async run(ctx) {
        const version = ctx.snapshot!.meta['targets.json']?.version;
        const name = ctx.root!.consistentSnapshot ? `${version}.targets.json` : 'targets.json';
        const { bytes, text, envelope } = await metadata(ctx, name, 'targets');
        await verifyTargets(ctx.root!, ctx.snapshot!, bytes, envelope, ctx.now);
        ctx.targets = envelope.signed;
        await ctx.o.cache?.write(ctx.url, 'targets.json', text);
        return { summary: `Targets version ${envelope.signed.version} lists ${Object.keys(envelope.signed.targets).length} files; expires ${envelope.signed.expiresText}.`, evidence: [{ kind: 'text', label: 'targets', value: Object.keys(envelope.signed.targets).slice(0, 20).join(', ') }] };
      },
    },
    'tuf.target': {
      async run(ctx) {
        const read = async (name: string): Promise<string> => {
          const info = targetInfo(ctx.targets!, name);
          if (info.length > LIMITS.trustedRootBytes) throw new VerifyError('LIMIT_EXCEEDED', `${name} is listed at ${info.length} bytes, over ${LIMITS.trustedRootBytes}`, { where: name });
          const sha256 = info.hashes.sha256;
          const path = ctx.root!.consistentSnapshot && sha256 ? consistentName(name, toHex(sha256)) : name;
          const bytes = await fetchOk(ctx.x, `${ctx.url}/targets/${path}`, `targets/${path.slice(0, 120)}`, { method: 'GET', headers: {} }, info.length);
          await assertFileInfo(bytes, info, `targets/${path.slice(0, 120)}`);
          return fromUtf8(bytes, name);
        };
        const text = await read(TRUSTED_ROOT);
        const trustedRoot = parseTrustedRoot(text, {
          name: `Trusted root refreshed by TUF from ${ctx.url}`,
          description: `trusted_root.json of ${ctx.url}, verified through root version ${ctx.root!.version}, timestamp version ${ctx.timestamp!.version} on ${new Date(ctx.now).toISOString()}`,
        });
        for (const name of EXTRA_TARGETS.filter((n) => ctx.targets!.targets[n])) ctx.out.extraTargets[name] = await read(name);
        ctx.out.trustedRootJson = text;
        ctx.out.trustedRoot = trustedRoot;
        if (ctx.o.baseline) ctx.out.changes = diffTrustedRoots(ctx.o.baseline, trustedRoot);
        const changes = ctx.out.changes;
        return {
          summary: `trusted_root.json (${text.length} bytes) has the listed length and hashes: ${countOf(trustedRoot.tlogs.length, 'log')}, ${countOf(trustedRoot.certificateAuthorities.length, 'CA')}, ${countOf(trustedRoot.ctlogs.length, 'CT log')}, ${countOf(trustedRoot.timestampAuthorities.length, 'TSA')}${changes ? `; ${changes.length} change${changes.length === 1 ? '' : 's'} against the embedded root` : ''}.`,
          evidence: [
            ...(changes ?? []).map((c) => ({ kind: 'text' as const, label: `${c.kind} ${c.entity}`, value: `${c.name}: ${c.detail}` })),
            ...Object.keys(ctx.out.extraTargets).map((n) => ({ kind: 'text' as const, label: 'also verified', value: n })),
          ],
        };
      },
    },
  },
};

// Run the workflow; never throws, every problem is a step of the record.
export async function refreshTrustedRoot(o: TufRefreshOptions): Promise<TufRefresh> {
  const clock = startAudit();
  const url = baseUrl(o.url, 'TUF_REQUEST_FAILED');
  const x: Exchange = { fetch: o.fetch, limits: { ...DEFAULT_EXCHANGE_LIMITS, ...o.limits }, codes: { failed: 'TUF_REQUEST_FAILED', notFound: 'TUF_TARGET_MISSING' } };
  const ctx: TufContext = { o, x, url, now: o.now ?? Date.now(), out: { extraTargets: {} } };
  const steps = new StepRecorder<TufStepId>(TUF_CATALOGUE);
  await runPlan(TUF_PLAN, ctx, steps);
  const trust = ctx.out.trustedRoot?.source ?? { name: `TUF repository ${url}`, description: `not refreshed; the workflow started from ${o.seedSource}` };
  const result = auditResult(clock, steps.ordered(TUF_STEP_IDS), trust, `Trusted root refreshed from ${url}: root version ${ctx.root?.version}, every role verified, trusted_root.json matches its listed hashes.`);
  return { ...ctx.out, result };
}
