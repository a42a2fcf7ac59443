// A drop zone plus a real file input, so files can be dropped, or chosen with keyboard or screen reader.
import { useId, useState, type ReactNode } from 'react';

// Calls onFile with the chosen or dropped file.
export function FileDrop({ label, accept, onFile, children }: { label: string; accept?: string; onFile: (file: File) => void; children?: ReactNode }) {
  const [over, setOver] = useState(false);
  const id = useId();
  return (
    <div
      className={`rounded-lg border-2 border-dashed p-3 text-sm transition ${over ? 'border-sky-500 bg-sky-50 dark:bg-sky-950' : 'border-slate-300 dark:border-slate-700'}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <label htmlFor={id} className="cursor-pointer font-medium text-sky-700 underline dark:text-sky-300">
        {label}
      </label>
      <span className="text-slate-500 dark:text-slate-400"> or drop it here</span>
      <input
        id={id}
        type="file"
        className="sr-only"
        {...(accept ? { accept } : {})}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      {children}
    </div>
  );
}
