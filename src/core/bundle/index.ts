// Bundle parsing: every supported input format becomes a Bundle.
export * from './types';
export * from './media-type';
export * from './parse-bundle';
