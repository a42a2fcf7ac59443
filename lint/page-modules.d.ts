// Types of the shared module lists (lint/page-modules.js), for the TypeScript that reads them.

/** Worker entry files, a feature's worker/ folder and the helpers only workers import (project paths). */
export declare const WORKER_MODULES: readonly string[];

/** The modules of src/core the page may import values from; everything else of the engine runs in the worker. */
export declare const PAGE_SAFE_CORE: readonly string[];
