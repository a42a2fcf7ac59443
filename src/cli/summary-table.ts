// The table after a batch on stderr: one row per image with its digest, verdict, signer and failed step.
import type { ImageSummaryRow } from '../features/report/image-report';
import { sanitize } from './print-timeline';

// Aligned columns, every cell sanitised and bounded so one hostile reference cannot wreck the table.
export function formatSummaryTable(rows: readonly ImageSummaryRow[]): string {
  const cells = rows.map((r) => [r.image, r.digest ? `${r.digest.slice(0, 19)}…` : '-', r.verdict.toUpperCase(), r.signer || '-', r.failedStep || '-'].map((c) => bound(sanitize(c))));
  const head = ['IMAGE', 'DIGEST', 'VERDICT', 'SIGNER', 'FAILED STEP'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}

// A cell cut to a readable width.
function bound(text: string): string {
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}
