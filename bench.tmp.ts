import { parseCertificate } from './src/core/x509';
import { fromUtf8, utf8 } from './src/core/encoding';
import { caseLeaf } from './test/core/x509/fixtures';
const der = caseLeaf('happy-path-v0.3');
const N = 20000;
const time = (name: string, fn: () => void) => { for (let i = 0; i < 2000; i++) fn(); const t = performance.now(); for (let i = 0; i < N; i++) fn(); console.log(name, ((performance.now() - t) / N * 1000).toFixed(2), 'us'); };
const b = utf8('https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon');
time('fromUtf8 60B', () => fromUtf8(b));
time('parse', () => parseCertificate(der, 'leaf'));
