// The bounded view models predicate readers produce: plain data the UI, the CLI and reports render as text.

/** One package of an SBOM (SPDX package or CycloneDX component). */
export interface SbomPackage {
  /** SPDXID or bom-ref, else the position. */
  id: string;
  name: string;
  version?: string;
  purl?: string;
  /** The purl type (npm, pypi, golang, deb…), else 'unknown'. */
  ecosystem: string;
  supplier?: string;
  /** SPDX licenseConcluded, CycloneDX licenses acknowledged as concluded. */
  licenseConcluded?: string;
  /** SPDX licenseDeclared, CycloneDX licenses declared (or not marked either way). */
  licenseDeclared?: string;
}

export interface CountRow {
  name: string;
  count: number;
}

export interface SbomView {
  kind: 'sbom';
  format: 'SPDX' | 'CycloneDX';
  /** 'SPDX-2.3', '1.6' */
  specVersion: string;
  /** Whether the predicate was a JSON string holding the document (cosign --type spdx). */
  embeddedAsString: boolean;
  documentName?: string;
  created?: string;
  creators: string[];
  packages: SbomPackage[];
  /** Packages in the document; more than packages.length when the view was capped. */
  totalPackages: number;
  ecosystems: CountRow[];
  licenses: CountRow[];
  withoutLicense: number;
  withoutVersion: number;
}

export interface NamedValue {
  label: string;
  value: string;
}

/** A provenance field compared with the signing certificate's Fulcio claim of the same meaning. */
export interface ClaimAgreement {
  field: string;
  provenance: string;
  certificate: string;
  /** The Fulcio extension compared against. */
  claim: string;
  agrees: boolean;
}

export interface ProvenanceView {
  kind: 'provenance';
  slsaVersion: 'v0.2' | 'v1';
  builderId?: string;
  buildType?: string;
  /** The build type's name when it is a known one ('GitHub Actions workflow', 'npm', …). */
  buildTypeName?: string;
  sourceRepository?: string;
  sourceCommit?: string;
  sourceRef?: string;
  workflowPath?: string;
  workflowRef?: string;
  trigger?: string;
  runnerEnvironment?: string;
  invocation?: string;
  startedOn?: string;
  finishedOn?: string;
  materials: { uri: string; digest: string }[];
  totalMaterials: number;
  /** Other parameters, flattened to text. */
  parameters: NamedValue[];
  /** Empty when the certificate carries no comparable claims. */
  agreement: ClaimAgreement[];
}

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

export interface VexStatement {
  vulnerability: string;
  aliases: string[];
  products: string[];
  status: VexStatus | string;
  justification?: string;
  impactStatement?: string;
  actionStatement?: string;
  timestamp?: string;
}

export interface VexView {
  kind: 'openvex';
  id?: string;
  author?: string;
  timestamp?: string;
  version?: string;
  statements: VexStatement[];
  totalStatements: number;
  byStatus: CountRow[];
}

export interface VulnFinding {
  id: string;
  severity: string;
  target?: string;
  packageName?: string;
  installedVersion?: string;
  fixedVersion?: string;
  title?: string;
}

export interface VulnView {
  kind: 'vuln';
  scanner?: string;
  scannerVersion?: string;
  databaseVersion?: string;
  scanStartedOn?: string;
  scanFinishedOn?: string;
  /** 'Trivy JSON', 'SARIF', or undefined when the result is in another format. */
  resultFormat?: string;
  bySeverity: CountRow[];
  findings: VulnFinding[];
  totalFindings: number;
}

export type JsonNodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** One node of a JSON document, with its path for copying; long strings and long lists are cut. */
export interface JsonTreeNode {
  /** The key or [index] under the parent; '$' at the root. */
  key: string;
  /** JSONPath-style path from the root: $.predicate.materials[0].uri */
  path: string;
  type: JsonNodeType;
  /** Scalars as text (strings cut to a bound, with their full length in `length`). */
  value?: string;
  length?: number;
  /** Objects and arrays: how many members they have, and the first ones. */
  size?: number;
  children?: JsonTreeNode[];
}

export interface JsonTreeView {
  kind: 'json';
  root: JsonTreeNode;
  /** Nodes left out because the tree reached its node budget. */
  omitted: number;
}

export type PredicateView = SbomView | ProvenanceView | VexView | VulnView | JsonTreeView;

/** An attestation as people read it: what it is about, its type, and its predicate's view. */
export interface AttestationView {
  /** The statement's _type (in-toto Statement v1 or v0.1). */
  statementType: string;
  predicateType: string;
  /** cosign's --type name for it, when it has one. */
  alias?: string;
  /** What the predicate type means ('SPDX SBOM', 'SLSA provenance v1', …). */
  typeName: string;
  subjects: { name: string; digests: string }[];
  totalSubjects: number;
  /** Size of the signed statement. */
  statementBytes: number;
  view: PredicateView;
  /** Why a reader fell back to the JSON tree, or what it left out. */
  notes: string[];
  /** Time to read the predicate into this view (and to parse the statement, unless artifact.bind already had). */
  readMs: number;
}
