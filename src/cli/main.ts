// Entry point of the `signet` command line.
import { VerifyError } from '../core';
import { conformanceCommand } from './conformance-command';
import { REKOR_USAGE, rekorCommand } from './rekor-command';
import { UsageError } from './usage-error';
import { VERIFY_BUNDLE_USAGE, verifyBundleCommand } from './verify-bundle-command';
import { VERIFY_IMAGE_USAGE, verifyImageCommand } from './verify-image-command';

const USAGE = `signet — verify Sigstore and cosign signatures, step by step

  ${VERIFY_BUNDLE_USAGE.split('\n').join('\n  ')}
  ${VERIFY_IMAGE_USAGE.split('\n').join('\n  ')}
  signet conformance DIR [--verbose]
  ${REKOR_USAGE}

Exit status: 0 verified, 1 not verified, 2 usage or input error.`;

// Dispatch a command; returns the exit status.
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'verify-bundle':
        return await verifyBundleCommand(rest);
      case 'verify':
        return await verifyImageCommand(rest);
      case 'rekor':
        return await rekorCommand(rest);
      case 'conformance':
        return await conformanceCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`signet: ${(err as Error).message}\n`);
      return 2;
    }
    if (err instanceof VerifyError) {
      process.stderr.write(`signet: ${err.code}: ${err.message}\n`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      process.stderr.write(`signet: ${e.message}\n`);
      return 2;
    }
    throw err;
  }
}
