// Property tests run from a fixed seed so a CI run is repeatable; set FC_SEED to explore other inputs.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });
