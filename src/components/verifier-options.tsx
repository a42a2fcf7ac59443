// The Trust choices' verifier options, the choices of cosign's --insecure-ignore-tlog, --insecure-ignore-sct and
// --use-signed-timestamps and of sigstore-go's thresholds, for every mode that verifies.
import { useId, type ReactNode } from 'react';
import { MAX_THRESHOLD } from '../core/public-constants';
import { DEFAULT_WEAKENING, weakeningFlags, type WeakeningForm } from '../lib/verify-form';

const numberInput =
  'w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900';
const flag = 'font-mono text-xs whitespace-nowrap text-slate-500 dark:text-slate-400';

type Count = 'tlog' | 'sct' | 'timestamps';

// A count from 0 to MAX_THRESHOLD, with its flag; an empty field is kept as NaN so the form says what is wrong.
function CountField({ name, label, cliFlag, value, set }: { name: Count; label: string; cliFlag: string; value: number; set: (name: Count, n: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 pl-6">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_THRESHOLD}
        step={1}
        className={`${numberInput} shrink-0`}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => set(name, e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <label htmlFor={id} className="min-w-0">
        {label} <code className={flag}>{cliFlag}</code>
      </label>
    </div>
  );
}

// A checkbox for one choice, with the cosign flag it stands for and what it gives up.
function Choice({ label, cliFlag, checked, onChange, children }: { label: string; cliFlag: string; checked: boolean; onChange: (checked: boolean) => void; children?: ReactNode }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label} <code className={flag}>{cliFlag}</code>
        {children && <span className="block text-xs text-slate-500 dark:text-slate-400">{children}</span>}
      </span>
    </label>
  );
}

// Thresholds and waivers; a waived check still shows, as a warning step that says what was not checked.
export function VerifierOptions({ value, onChange, open, onToggle }: { value: WeakeningForm; onChange: (w: WeakeningForm) => void; open: boolean; onToggle: (open: boolean) => void }) {
  const flags = weakeningFlags(value);
  const set = (name: Count, n: number) => onChange({ ...value, [name]: n });
  return (
    <details className="text-sm" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium">
        Verifier options{' '}
        <span className={flags.length ? 'font-normal text-amber-800 dark:text-amber-200' : 'font-normal text-slate-500 dark:text-slate-400'}>
          ({flags.length ? `weakened: ${flags.length} change${flags.length === 1 ? '' : 's'}` : 'defaults'})
        </span>
      </summary>
      <div className="mt-2 grid gap-2">
        <Choice label="Ignore the transparency log" cliFlag="--insecure-ignore-tlog" checked={value.tlog === 0} onChange={(c) => set('tlog', c ? 0 : DEFAULT_WEAKENING.tlog)}>
          Nothing then shows the signature was ever made public.
        </Choice>
        <CountField name="tlog" label="transparency-log entries required" cliFlag="--tlog-threshold" value={value.tlog} set={set} />
        <Choice label="Ignore SCTs" cliFlag="--insecure-ignore-sct" checked={value.sct === 0} onChange={(c) => set('sct', c ? 0 : DEFAULT_WEAKENING.sct)}>
          Nothing then shows the certificate was logged in Certificate Transparency.
        </Choice>
        <CountField name="sct" label="SCTs from distinct CT logs required" cliFlag="--ctlog-threshold" value={value.sct} set={set} />
        <Choice label="Require a signed timestamp" cliFlag="--use-signed-timestamps" checked={value.useSignedTimestamps} onChange={(c) => onChange({ ...value, useSignedTimestamps: c })}>
          At least one RFC 3161 timestamp from a timestamp authority of the trusted root must verify.
        </Choice>
        <CountField name="timestamps" label="verified times required (log entries or RFC 3161)" cliFlag="--timestamp-threshold" value={value.timestamps} set={set} />
        <p className="text-xs text-slate-500 dark:text-slate-400">Each count is 0 to {MAX_THRESHOLD}; a 0 waives that check. A waived check shows as a warning step and the verdict names it.</p>
        {flags.length > 0 && (
          <div className="grid gap-1 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              Weakened:
              {flags.map((f) => (
                <code key={f} className="font-mono text-xs whitespace-nowrap">
                  {f}
                </code>
              ))}
            </span>
            <button type="button" className="justify-self-start text-sm font-medium underline" onClick={() => onChange(DEFAULT_WEAKENING)}>
              Back to the defaults
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
