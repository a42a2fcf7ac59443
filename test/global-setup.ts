// Before any test: build the `signet` command from the current sources, so spawned CLIs never run a stale build.
import { execFileSync } from 'node:child_process';

// Vitest global setup.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
