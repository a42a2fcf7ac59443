#!/usr/bin/env node
// `npm start`: runs the TypeScript server directly through tsx, serving the built app from dist/.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/main.ts');
const status = await main();
if (status !== undefined) process.exitCode = status;
