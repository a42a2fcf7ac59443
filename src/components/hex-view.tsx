// Bytes as a classic hex dump (offset, 16 hex bytes, ASCII) with labelled byte ranges marked and a legend.
import { Fragment, useState } from 'react';
import type { ByteRange } from '../core';
import { scrollable } from '../lib/scrollable';

export interface HexViewProps {
  /** Lower-case hex, two characters a byte. */
  hex: string;
  highlight?: readonly ByteRange[];
  label: string;
  /** Bytes shown before the "show all" button; 512 unless given. */
  maxBytes?: number;
}

const ROW_BYTES = 16;
const DEFAULT_MAX_BYTES = 512;
// One background per range, cycled; the legend and each mark's title carry the label, so colour is never the only cue.
const MARK_CLASSES = [
  'bg-amber-200 text-slate-900 dark:bg-amber-500/40 dark:text-amber-50',
  'bg-sky-200 text-slate-900 dark:bg-sky-500/40 dark:text-sky-50',
  'bg-emerald-200 text-slate-900 dark:bg-emerald-500/40 dark:text-emerald-50',
  'bg-fuchsia-200 text-slate-900 dark:bg-fuchsia-500/40 dark:text-fuchsia-50',
] as const;

interface Run {
  from: number;
  to: number;
  /** Index into the highlight list, or -1 for unmarked bytes. */
  range: number;
}

// The index of the first range holding a byte offset, -1 when none does.
function rangeAt(ranges: readonly ByteRange[], offset: number): number {
  return ranges.findIndex((r) => offset >= r.start && offset < r.end);
}

// Split the bytes [from, to) into runs of consecutive bytes that share a range.
function runsOf(ranges: readonly ByteRange[], from: number, to: number): Run[] {
  const runs: Run[] = [];
  for (let i = from; i < to; i++) {
    const range = rangeAt(ranges, i);
    const last = runs[runs.length - 1];
    if (last && last.range === range) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, range });
  }
  return runs;
}

// A byte as its printable ASCII character, '.' otherwise.
function asciiOf(hex: string, offset: number): string {
  const b = parseInt(hex.slice(offset * 2, offset * 2 + 2), 16);
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

// Runs rendered through a formatter and joined by a separator; marked runs wrapped in <mark> titled with their range label.
function MarkedRuns({ runs, ranges, format, separator }: { runs: Run[]; ranges: readonly ByteRange[]; format: (run: Run) => string; separator: string }) {
  return runs.map((run, i) => {
    const text = format(run);
    const range = ranges[run.range];
    return (
      <Fragment key={run.from}>
        {i > 0 && separator}
        {range ? (
          <mark title={range.label} className={`rounded-sm ${MARK_CLASSES[run.range % MARK_CLASSES.length]}`}>
            {text}
          </mark>
        ) : (
          text
        )}
      </Fragment>
    );
  });
}

// One dump line: 8-digit hex offset, the row's bytes in hex (padded to 16), then the ASCII column.
function HexRow({ hex, start, end, ranges }: { hex: string; start: number; end: number; ranges: readonly ByteRange[] }) {
  const runs = runsOf(ranges, start, end);
  const hexOf = (run: Run) => Array.from({ length: run.to - run.from }, (_, i) => hex.slice((run.from + i) * 2, (run.from + i) * 2 + 2)).join(' ');
  const asciiRun = (run: Run) => Array.from({ length: run.to - run.from }, (_, i) => asciiOf(hex, run.from + i)).join('');
  return (
    <>
      <span className="text-slate-500 select-none dark:text-slate-400">{start.toString(16).padStart(8, '0')}</span>
      {'  '}
      <MarkedRuns runs={runs} ranges={ranges} format={hexOf} separator=" " />
      {'   '.repeat(ROW_BYTES - (end - start))}
      {'  '}
      <span className="text-slate-500 dark:text-slate-400">
        <MarkedRuns runs={runs} ranges={ranges} format={asciiRun} separator="" />
      </span>
    </>
  );
}

// The legend: each range by label with its byte offsets, so the marks are readable without colour.
function RangeLegend({ ranges }: { ranges: readonly ByteRange[] }) {
  return (
    <ul className="mt-2 space-y-1 text-xs text-slate-700 dark:text-slate-300">
      {ranges.map((r, i) => (
        <li key={i} className="flex items-start gap-2">
          <span aria-hidden="true" className={`mt-0.5 inline-block h-3 w-3 shrink-0 rounded-sm ${MARK_CLASSES[i % MARK_CLASSES.length]}`} />
          <span className="wrap-anywhere">
            {r.label}: bytes {r.start}–{Math.max(r.start, r.end - 1)} ({Math.max(0, r.end - r.start)} bytes)
          </span>
        </li>
      ))}
    </ul>
  );
}

// The hex dump, collapsed to maxBytes with a button to show every byte.
export function HexView({ hex, highlight = [], label, maxBytes = DEFAULT_MAX_BYTES }: HexViewProps) {
  const [expanded, setExpanded] = useState(false);
  const total = Math.floor(hex.length / 2);
  const shown = expanded ? total : Math.min(total, maxBytes);
  const rows = Array.from({ length: Math.ceil(shown / ROW_BYTES) }, (_, i) => i * ROW_BYTES);
  return (
    <figure className="my-2">
      <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label} ({total} bytes{shown < total ? `, first ${shown} shown` : ''})
      </figcaption>
      <pre {...scrollable(`${label}, hex dump`)} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs leading-5 text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        {rows.map((start, i) => (
          <Fragment key={start}>
            {i > 0 && '\n'}
            <HexRow hex={hex} start={start} end={Math.min(start + ROW_BYTES, shown)} ranges={highlight} />
          </Fragment>
        ))}
      </pre>
      {total > maxBytes && (
        <button
          type="button"
          onClick={() => setExpanded(!expanded)}
          className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {expanded ? `Show the first ${maxBytes} bytes` : `Show all ${total} bytes`}
        </button>
      )}
      {highlight.length > 0 && <RangeLegend ranges={highlight} />}
    </figure>
  );
}
