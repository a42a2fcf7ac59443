// policy-controller's image globs, translated to RE2 exactly as pkg/apis/glob/glob.go Compile does.
import { RE2JS } from 're2js';
import { VerifyError } from '../../errors';

const VALID_GLOB = /^[a-zA-Z0-9\-_:/*.]+$/;
const MAX_GLOB = 512;

export interface CompiledGlob {
  /** The glob as written. */
  glob: string;
  /** The RE2 expression it became (after the "*" and "*" + "/" + "*" special cases). */
  regexp: string;
  matches(name: string): boolean;
}

// Compile a glob: "*" alone means index.docker.io/library/*, "*/*" means index.docker.io/*/*; "." is literal,
// "**" any characters, "*" any characters but "/"; anchored at both ends.
export function compileGlob(glob: string, where: string): CompiledGlob {
  let g = glob;
  if (g === '*/*') g = 'index.docker.io/*/*';
  if (g === '*') g = 'index.docker.io/library/*';
  if (g.length > MAX_GLOB || !VALID_GLOB.test(g)) {
    throw new VerifyError('ADMISSION_POLICY_INVALID', `invalid glob ${JSON.stringify(glob.slice(0, 120))}`, { where, expected: 'letters, digits and - _ : / * .', found: glob.slice(0, 120) });
  }
  const regexp = `^${g.replaceAll('.', '\\.').replaceAll('**', '#').replaceAll('*', '[^/]*').replaceAll('#', '.*')}$`;
  const re = RE2JS.compile(regexp);
  return { glob, regexp, matches: (name) => re.matcher(name).find() };
}
