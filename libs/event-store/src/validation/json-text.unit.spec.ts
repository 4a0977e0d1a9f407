import fc from 'fast-check';
import { InvalidEventError } from '../errors';
import { toJsonText } from './json-text';

function rejection(value: unknown): InvalidEventError {
  try {
    toJsonText(value, 'data');
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected InvalidEventError');
}

describe('toJsonText', () => {
  it('is JSON.stringify for plain JSON, and stable under parse and re-serialise (what verify relies on)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = toJsonText(value, 'data');
        expect(text).toBe(JSON.stringify(value));
        expect(JSON.stringify(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it.each([
    ['a BigInt', { a: 1n }, 'data.a', /BigInt/],
    ['a function', { a: [1, () => 2] }, 'data.a[1]', /function/],
    ['a symbol', { a: Symbol('s') }, 'data.a', /symbol/],
    ['Infinity', [Infinity], 'data[0]', /not representable/],
    ['NaN deep down', { a: { b: { c: [0, NaN] } } }, 'data.a.b.c[1]', /not representable/],
    ['a Map', { m: new Map() }, 'data.m', /Map, not a plain JSON object/],
    ['a Date', { at: new Date(0) }, 'data.at', /Date, not a plain JSON object/],
    ['undefined in an array', [undefined], 'data[0]', /undefined/],
    ['undefined itself', undefined, 'data', /undefined/],
  ])('rejects %s naming where it is', (_label, value, where, problem) => {
    const error = rejection(value);
    expect(error.where).toBe(where);
    expect(error.problem).toMatch(problem);
  });

  it('rejects cycles but accepts the same object twice side by side, and very deep nesting', () => {
    const shared = { x: 1 };
    expect(toJsonText({ a: shared, b: shared }, 'data')).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(rejection({ c: cyclic }).message).toBe('data.c.self: refers back to one of its ancestors (a cycle)');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 500; i++) deep = { d: deep };
    expect(toJsonText(deep, 'data')).toBe(JSON.stringify(deep));
  });

  it('drops undefined members, as JSON.stringify does', () => {
    expect(toJsonText({ a: undefined, b: null }, 'data')).toBe('{"b":null}');
  });
});
