// bpmn-moddle 10.3.1 ships its element types under `bpmn-moddle/types` but none for its main
// entry; this declares the part of the main entry motcua uses, typed by those element types.
declare module 'bpmn-moddle' {
  import type { BpmnDefinitions, BpmnModdleTypeMap, BpmndiModdleTypeMap, DcModdleTypeMap, DiModdleTypeMap } from 'bpmn-moddle/types';
  import type { ModdleElement } from 'moddle';

  /** Every element type by its qualified name (`bpmn:UserTask`, `bpmndi:BPMNShape`, `dc:Bounds`…). */
  export type BpmnElementTypes = BpmnModdleTypeMap & BpmndiModdleTypeMap & DcModdleTypeMap & DiModdleTypeMap;

  export interface ParseResult {
    readonly rootElement: ModdleElement<BpmnDefinitions>;
    readonly references: readonly unknown[];
    readonly warnings: readonly Error[];
    readonly elementsById: Readonly<Record<string, ModdleElement>>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    create<K extends keyof BpmnElementTypes>(type: K, attrs?: Partial<BpmnElementTypes[K]>): BpmnElementTypes[K];
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { readonly format?: boolean; readonly preamble?: boolean }): Promise<{ readonly xml: string }>;
  }
}
