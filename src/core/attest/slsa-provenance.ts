// SLSA provenance v0.2 (slsa.dev/provenance/v0.2) and v1 (slsa.dev/spec/v1.0/provenance) into the provenance view.
import type { JsonObject, JsonValue } from '../encoding';
import { arr, digestText, obj, optional, text, VIEW_LIMITS } from './bounded';
import { buildTypeName } from './build-types';
import type { NamedValue, ProvenanceView } from './view-model';

export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
export const SLSA_V1 = 'https://slsa.dev/provenance/v1';

const MAX_PARAMETERS = 64;

// Resource descriptors / materials as { uri, digest } rows, bounded.
function materialRows(list: JsonValue[]): ProvenanceView['materials'] {
  return list.slice(0, VIEW_LIMITS.rows).flatMap((m) => {
    const o = obj(m);
    const uri = o && (text(o.uri) ?? text(o.name));
    return o && uri ? [{ uri, digest: digestText(o.digest) }] : [];
  });
}

// Scalar leaves of a parameters object as "a.b" = value lines, bounded in count and length.
function flatten(value: JsonValue | undefined, prefix: string, out: NamedValue[], skip: ReadonlySet<string> = new Set()): NamedValue[] {
  const stack: [string, JsonValue][] = Object.entries(obj(value) ?? {})
    .filter(([k]) => !skip.has(k))
    .map(([k, v]): [string, JsonValue] => [`${prefix}.${k}`, v])
    .reverse();
  while (stack.length > 0 && out.length < MAX_PARAMETERS) {
    const [label, v] = stack.pop()!;
    if (v !== null && typeof v === 'object') {
      const entries: [string, JsonValue][] = Array.isArray(v) ? v.slice(0, 16).map((x, i) => [`${label}[${i}]`, x]) : Object.entries(v).slice(0, 64).map(([k, x]) => [`${label}.${k}`, x]);
      stack.push(...entries.reverse());
    } else {
      out.push({ label: text(label, 256)!, value: typeof v === 'string' ? (text(v) ?? '') : String(v) });
    }
  }
  return out;
}

// The git URI and commit of a source: "git+https://github.com/o/r@refs/heads/main" with digest { gitCommit | sha1 }.
function gitSource(uri: string | undefined, digest: JsonValue | undefined): Pick<ProvenanceView, 'sourceRepository' | 'sourceCommit' | 'sourceRef'> {
  const d = obj(digest);
  const commit = text(d?.gitCommit, 128) ?? text(d?.sha1, 128);
  const ref = uri === undefined ? undefined : /@(refs\/[^@]+)$/.exec(uri)?.[1];
  return { ...optional('sourceRepository', uri), ...optional('sourceCommit', commit), ...optional('sourceRef', ref) };
}

// SLSA v1: buildDefinition (buildType, externalParameters.workflow, internalParameters.github,
// resolvedDependencies) and runDetails (builder.id, metadata) — GitHub's, npm's and slsa-github-generator's shape.
function readV1(predicate: JsonObject): ProvenanceView {
  const def = obj(predicate.buildDefinition);
  const run = obj(predicate.runDetails);
  const ext = obj(def?.externalParameters);
  const workflow = obj(ext?.workflow) ?? obj(ext?.buildConfigSource) ?? obj(ext?.source);
  const github = obj(obj(def?.internalParameters)?.github);
  const deps = arr(def?.resolvedDependencies);
  const first = obj(deps[0]);
  const meta = obj(run?.metadata);
  const buildType = text(def?.buildType);
  const source = gitSource(text(first?.uri), first?.digest);
  return {
    kind: 'provenance',
    slsaVersion: 'v1',
    ...optional('builderId', text(obj(run?.builder)?.id)),
    ...optional('buildType', buildType),
    ...optional('buildTypeName', buildTypeName(buildType)),
    ...source,
    ...(source.sourceRepository === undefined ? optional('sourceRepository', text(workflow?.repository)) : {}),
    ...optional('workflowPath', text(workflow?.path)),
    ...optional('workflowRef', text(workflow?.ref)),
    ...optional('trigger', text(github?.event_name)),
    ...optional('runnerEnvironment', text(github?.runner_environment)),
    ...optional('invocation', text(meta?.invocationId)),
    ...optional('startedOn', text(meta?.startedOn, 64)),
    ...optional('finishedOn', text(meta?.finishedOn, 64)),
    materials: materialRows(deps),
    totalMaterials: deps.length,
    parameters: flatten(obj(def?.internalParameters), 'internalParameters', flatten(ext, 'externalParameters', [], new Set(['workflow']))),
    agreement: [],
  };
}

// SLSA v0.2: builder.id, buildType, invocation.configSource / environment, metadata, materials
// (slsa-github-generator puts github_event_name, github_ref, github_sha1… in invocation.environment).
function readV02(predicate: JsonObject): ProvenanceView {
  const invocation = obj(predicate.invocation);
  const config = obj(invocation?.configSource);
  const env = obj(invocation?.environment);
  const meta = obj(predicate.metadata);
  const materials = arr(predicate.materials);
  const buildType = text(predicate.buildType);
  const source = gitSource(text(config?.uri), config?.digest);
  const runUrl = text(env?.github_server_url) && text(env?.github_repository) && text(env?.github_run_id) ? `${text(env!.github_server_url)}/${text(env!.github_repository)}/actions/runs/${text(env!.github_run_id)}` : undefined;
  return {
    kind: 'provenance',
    slsaVersion: 'v0.2',
    ...optional('builderId', text(obj(predicate.builder)?.id)),
    ...optional('buildType', buildType),
    ...optional('buildTypeName', buildTypeName(buildType)),
    ...source,
    ...(source.sourceCommit === undefined ? optional('sourceCommit', text(env?.github_sha1, 128)) : {}),
    ...optional('workflowPath', text(config?.entryPoint)),
    ...optional('workflowRef', text(env?.github_ref)),
    ...optional('trigger', text(env?.github_event_name)),
    ...optional('runnerEnvironment', text(env?.github_runner_environment) ?? text(env?.runner_environment)),
    ...optional('invocation', text(meta?.buildInvocationID) ?? text(meta?.buildInvocationId) ?? runUrl),
    ...optional('startedOn', text(meta?.buildStartedOn, 64)),
    ...optional('finishedOn', text(meta?.buildFinishedOn, 64)),
    materials: materialRows(materials),
    totalMaterials: materials.length,
    parameters: flatten(invocation?.parameters, 'parameters', flatten(env, 'environment', [])),
    agreement: [],
  };
}

// Read a provenance predicate of the given type.
export function readProvenance(predicateType: string, predicate: JsonObject): ProvenanceView {
  return predicateType === SLSA_V1 ? readV1(predicate) : readV02(predicate);
}
