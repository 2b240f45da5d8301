import { describe, expect, it } from 'vitest';
import { decode } from '../../db/registry/import/xmlText';

describe('decode (cell text of a sheet)', () => {
  it('resolves named, decimal and hex entities and Excel _xHHHH_ escapes', () => {
    expect(decode('A &amp; B &lt;&gt; &#20013;&#x6587; &#x1F600; a_x000D_b')).toBe('A & B <> 中文 😀 a\rb');
  });
  it('keeps an entity naming no character as written instead of failing the file', () => {
    expect(decode('x&#x110000;y &#99999999; &unknown;')).toBe('x&#x110000;y &#99999999; &unknown;');
  });
});
