import fc from 'fast-check';

/**
 * Runs a fast-check property with a seed that is printed first, so any failure (which fast-check
 * reports with its seed and shrunk path) can be replayed with `FC_SEED=<seed> npm test`.
 */
export function checkProperty(name: string, property: fc.IProperty<unknown> | fc.IAsyncProperty<unknown>, params: fc.Parameters<unknown> = {}): void | Promise<void> {
  const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);
  console.log(`[fast-check] ${name}: seed ${seed} (replay with FC_SEED=${seed})`);
  return fc.assert(property as fc.IProperty<unknown>, { seed, ...params });
}
