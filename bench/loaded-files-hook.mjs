// A Node module hook for the CLI bench: appends the path of every file Node loads as a module to the file
// SIGNET_LOADED_FILES names. Used as `node --import ./bench/loaded-files-hook.mjs bin/signet.mjs VERB --help`.
import { register } from 'node:module';

register('./loaded-files-loader.mjs', import.meta.url, { data: { out: process.env.SIGNET_LOADED_FILES } });
