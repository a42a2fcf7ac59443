// The loader thread of loaded-files-hook.mjs: one line per file: URL loaded, as it is loaded.
import { appendFileSync } from 'node:fs';

let out;

// The file to append to, from the hook's registration.
export function initialize(data) {
  out = data.out;
}

// Load as Node would, and note the file.
export async function load(url, context, next) {
  const loaded = await next(url, context);
  if (out && url.startsWith('file:')) appendFileSync(out, `${url}\n`);
  return loaded;
}
