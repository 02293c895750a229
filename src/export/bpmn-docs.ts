import type { FlowNode } from '../dsl/spec.ts';
import { type LegalRef, citeRef } from '../legal.ts';
import { describeDuration, isoDuration } from './durations.ts';

// The documentation texts of the BPMN export. They are in English with both titles quoted, so a
// modeler in either language reads the same facts: shares, limits, timers and legal references.

/** `Decree 101/2024/NĐ-CP Art. 5, from 2024-08-01 — note [uncertain]`. */
export function refText(ref: LegalRef): string {
  const from = ref.effectiveFrom === undefined ? '' : `, from ${ref.effectiveFrom}`;
  const note = ref.note === undefined ? '' : ` — ${ref.note}`;
  const url = ref.url === undefined ? '' : ` <${ref.url}>`;
  return `${citeRef(ref)}${from}${note}${url} [${ref.confidence}]`;
}

/** `P3D = 3 working days on the Vietnamese working calendar (ISO 8601 has no working days)`. */
export function timerNote(text: string): string {
  const iso = isoDuration(text);
  const words = describeDuration(text, 'en');
  return words.includes('working') ? `${iso} = ${words} on the Vietnamese working calendar (ISO 8601 has no working days)` : `${iso} = ${words}`;
}

/** The branches that extend the limit, for the deadline's documentation. */
export function extensions(nodes: readonly FlowNode[]): string[] {
  return nodes.flatMap((n): string[] => {
    switch (n.kind) {
      case 'branch': {
        const own = n.cases.filter((c) => c.extendLimit !== undefined).map((c) => `+${c.extendLimit} when ${n.field} = ${String(c.when)}`);
        if (n.otherwise?.extendLimit !== undefined) own.push(`+${n.otherwise.extendLimit} otherwise (${n.field})`);
        return [...own, ...n.cases.flatMap((c) => extensions(c.flow)), ...(n.otherwise === undefined ? [] : extensions(n.otherwise.flow))];
      }
      case 'parallel':
        return n.branches.flatMap(extensions);
      default:
        return [];
    }
  });
}
