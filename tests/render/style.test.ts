// Terminal colour: the SGR codes tables use, reopened across nested styles and line breaks as chalk did, and nothing without colour.
import { describe, expect, it } from 'vitest';
import { colourWanted, makeStyle } from '../../src/render/style.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const on = makeStyle(true);
const off = makeStyle(false);

describe('styles', () => {
  it('wraps text in the 16-colour codes', () => {
    expect(on.red('Quá hạn')).toBe('\u001b[31mQuá hạn\u001b[39m');
    expect(on.yellow('x')).toBe('\u001b[33mx\u001b[39m');
    expect(on.green('x')).toBe('\u001b[32mx\u001b[39m');
    expect(on.bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(on.dim('x')).toBe('\u001b[2mx\u001b[22m');
  });

  it('closes before a line break and reopens after it, so borders stay uncoloured', () => {
    expect(on.red('a\nb')).toBe('\u001b[31ma\u001b[39m\n\u001b[31mb\u001b[39m');
    expect(on.red('a\r\nb')).toBe('\u001b[31ma\u001b[39m\r\n\u001b[31mb\u001b[39m');
  });

  it('reopens the outer colour after a nested one of the same kind ends', () => {
    expect(on.red(`a${on.yellow('b')}c`)).toBe('\u001b[31ma\u001b[33mb\u001b[39m\u001b[31mc\u001b[39m');
    expect(on.bold(on.red('x'))).toBe('\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  });

  it('leaves empty text and uncoloured output as they are', () => {
    expect(on.red('')).toBe('');
    for (const k of ['red', 'yellow', 'green', 'cyan', 'blue', 'dim', 'bold'] as const) expect(off[k]('a\nb')).toBe('a\nb');
  });
});

describe('when colour is used', () => {
  const io = (env: Record<string, string>, isTTY: boolean) => memoryIo({ env, isTTY, cwd: '/', now: () => new Date() });
  it.each([
    ['a terminal', {}, true, undefined, true],
    ['a pipe', {}, false, undefined, false],
    ['--no-color on a terminal', {}, true, false, false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, undefined, false],
    ['an empty NO_COLOR', { NO_COLOR: '' }, true, undefined, true],
    ['FORCE_COLOR into a pipe', { FORCE_COLOR: '1' }, false, undefined, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, undefined, false],
    ['NO_COLOR over FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, undefined, false],
    ['TERM=dumb', { TERM: 'dumb' }, true, undefined, false],
  ])('%s', (_name, env, isTTY, flag, want) => {
    expect(colourWanted(io(env as Record<string, string>, isTTY as boolean), flag as boolean | undefined)).toBe(want);
  });
});
