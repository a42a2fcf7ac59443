// The bounded log of exchanges that ended early: a burst of ends becomes one line per kind with a count.
import { expect, it } from 'vitest';
import { ProxyRefusal } from '../../src/proxy';
import { createRefusalLog } from '../../src/server/refusal-log';

// A log whose flushes run when the test says, and the lines it wrote.
function testLog() {
  const lines: string[] = [];
  const pending: (() => void)[] = [];
  const log = createRefusalLog({ write: (text) => lines.push(...text.trimEnd().split('\n')), schedule: (flush) => (pending.push(flush), {}) });
  return { log, lines, tick: () => pending.splice(0).forEach((flush) => flush()), pending };
}

it('writes 500 exchanges cut by the time limit as one line with their count, a target shown once and cut', () => {
  const { log, lines, tick, pending } = testLog();
  const long = `https://registry.example/v2/${'a'.repeat(5000)}`;
  for (let i = 0; i < 500; i++) log.note(new ProxyRefusal('PROXY_TIMEOUT', 'The exchange took longer than 60000 ms.', long));
  expect(lines).toEqual([]);
  expect(pending).toHaveLength(1);
  tick();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^signet proxy: 500 exchanges ended with PROXY_TIMEOUT, e\.g\. The exchange took longer than 60000 ms\. \(https:\/\/registry\.example\/v2\/a+…$/);
  expect(lines[0]!.length).toBeLessThan(700);
});

it('keeps one line per kind of end, counts faults too, and starts afresh after a flush', () => {
  const { log, lines, tick } = testLog();
  log.note(new ProxyRefusal('PROXY_TOO_SLOW', 'The upstream sent 3 bytes in 10000 ms; at least 1024 bytes/s are needed.'));
  log.note(new ProxyRefusal('PROXY_TIMEOUT', 'The exchange took longer than 20000 ms.'));
  log.note(new ProxyRefusal('PROXY_TOO_SLOW', 'The upstream sent 0 bytes in 10000 ms; at least 1024 bytes/s are needed.'));
  log.note(new TypeError('boom'));
  tick();
  expect(lines.map((line) => line.replace(/, e\.g\. .*/s, ''))).toEqual([
    'signet proxy: 2 exchanges ended with PROXY_TOO_SLOW',
    'signet proxy: 1 exchange ended with PROXY_TIMEOUT',
    'signet proxy: 1 exchange ended with TypeError',
  ]);
  expect(lines[2]).toContain('boom');
  log.note(new ProxyRefusal('PROXY_TIMEOUT', 'The exchange took longer than 20000 ms.'));
  tick();
  expect(lines).toHaveLength(4);
  expect(lines[3]).toMatch(/^signet proxy: 1 exchange ended with PROXY_TIMEOUT/);
});
