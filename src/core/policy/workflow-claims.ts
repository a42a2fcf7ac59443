// The Fulcio GitHub workflow claims cosign can pin, with their flags: a constant table the page may import.

/** The Fulcio GitHub workflow claims cosign can pin (--certificate-github-workflow-*). */
export const WORKFLOW_CLAIMS = {
  githubWorkflowTrigger: '--certificate-github-workflow-trigger',
  githubWorkflowSha: '--certificate-github-workflow-sha',
  githubWorkflowName: '--certificate-github-workflow-name',
  githubWorkflowRepository: '--certificate-github-workflow-repository',
  githubWorkflowRef: '--certificate-github-workflow-ref',
} as const;

export type WorkflowClaim = keyof typeof WORKFLOW_CLAIMS;
