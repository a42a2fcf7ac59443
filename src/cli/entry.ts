// The process entry of the `signet` command (what the build bundles): run main, set the exit status.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
