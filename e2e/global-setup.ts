// Runs once before the browser tests: the app specs serve this build.
import { buildApp } from './support/app-server';

// Build the app into dist/.
export default async function globalSetup(): Promise<void> {
  await buildApp();
}
