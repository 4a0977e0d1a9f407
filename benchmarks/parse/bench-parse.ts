/**
 * npm run bench:parse — parse + validate time of plans of about 100 KB, 1 MB and 4 MB: a realistic
 * one (the synthetic county plan of bench:simulate, more measures) and hostile shapes, each beside
 * the ceiling of the same run: the raw parser (yaml.parse or JSON.parse) on the same bytes.
 */
import { parsePlanDefinition } from '@planledger/plan-definition';
import { hostilePlans } from '@planledger/plan-definition/testing';
import { parse as parseYaml, stringify } from 'yaml';
import { syntheticPlan } from '../simulate/synthetic-plan';

const sizes = [100_000, 1_000_000, 4_000_000];

/** The synthetic plan as YAML with enough measures to reach about `characters`. */
function realistic(characters: number, format: 'yaml' | 'json'): string {
  const probe = syntheticPlan(100, 200);
  const perMeasure = (format === 'yaml' ? stringify(probe) : JSON.stringify(probe)).length / 100;
  const definition = syntheticPlan(Math.max(1, Math.round(characters / perMeasure)), 200);
  return format === 'yaml' ? stringify(definition) : JSON.stringify(definition);
}

const shapes: { name: string; make: (size: number) => string; file: string }[] = [
  { name: 'realistic plan (YAML)', make: (size) => realistic(size, 'yaml'), file: 'plan.yaml' },
  { name: 'realistic plan (JSON)', make: (size) => realistic(size, 'json'), file: 'plan.json' },
  { name: 'one wide mapping (YAML)', make: (size) => hostilePlans.wideMap(Math.round(size / 13)), file: 'plan.yaml' },
  { name: 'many bad measures (YAML)', make: (size) => hostilePlans.manyBadMeasures(Math.round(size / 100)), file: 'plan.yaml' },
  { name: 'long list (JSON)', make: (size) => hostilePlans.longJsonList(Math.round(size / 25)), file: 'plan.json' },
];

const ms = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

console.log('| shape | size | parse + validate | outcome | ceiling: raw parser, same bytes | ratio |');
console.log('|---|---|---|---|---|---|');
for (const shape of shapes) {
  for (const size of sizes) {
    const text = shape.make(size);
    let outcome = '';
    const checked = ms(() => {
      const result = parsePlanDefinition(text, shape.file);
      outcome = result.ok ? 'valid' : `${result.errors.length} problems + ${result.unlisted} counted`;
    });
    const raw = ms(() => (shape.file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1, uniqueKeys: false })));
    console.log(`| ${shape.name} | ${(text.length / 1e6).toFixed(2)} MB | ${checked.toFixed(0)} ms | ${outcome} | ${raw.toFixed(0)} ms (${shape.file.endsWith('.json') ? 'JSON.parse' : 'yaml.parse'}) | ${(checked / Math.max(raw, 0.1)).toFixed(1)}× |`);
  }
}
