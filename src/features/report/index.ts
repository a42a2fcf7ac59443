// Report export: Markdown for auditors, JSON for machines, and the panel that copies or downloads them.
export { markdownReport, type ReportInputs } from './markdown-report';
export { jsonReport } from './json-report';
export { escapeMarkdown, codeBlock } from './markdown';
export { downloadText } from '../../lib/download';
export { ExportPanel } from './export-panel';
