import fc from 'fast-check';
import { InvalidEventError } from '../errors';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中' } }, 'data')).toBe('{"a":{"c":"中","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for any JSON value after a JSON round trip (what verify relies on)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value, 'data');
        expect(canonicalJson(JSON.parse(JSON.stringify(value)), 'data')).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it.each([
    ['a BigInt', { a: 1n }, 'data.a', /BigInt/],
    ['a function', { a: [1, () => 2] }, 'data.a[1]', /function/],
    ['a symbol', { a: Symbol('s') }, 'data.a', /symbol/],
    ['Infinity', [Infinity], 'data[0]', /not representable/],
    ['a Map', { m: new Map() }, 'data.m', /Map, not a plain JSON object/],
    ['undefined in an array', [undefined], 'data[0]', /undefined/],
  ])('rejects %s naming where it is', (_label, value, where, problem) => {
    const error = (() => {
      try {
        canonicalJson(value, 'data');
      } catch (caught) {
        return caught as InvalidEventError;
      }
      throw new Error('expected a rejection');
    })();
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error.where).toBe(where);
    expect(error.problem).toMatch(problem);
  });

  it('rejects cycles but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared }, 'data')).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson({ c: cyclic }, 'data')).toThrow('data.c.self: refers back to one of its ancestors (a cycle)');
  });

  it('drops undefined members, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null }, 'data')).toBe('{"b":null}');
  });
});
