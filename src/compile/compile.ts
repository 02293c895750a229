import { assign, setup } from 'xstate';
import { stateKey } from '../dsl/state-key.ts';
import type { BranchNode, ConsultNode, ExcludedNode, FlowNode, ParallelNode, ProcedureSpec, StepNode } from '../dsl/spec.ts';
import { own } from '../own.ts';
import { type CompileOptions, type ProcedureEnv, buildEnv } from './env.ts';
import { handoverIsImmediate } from './policies.ts';
import { type Action, initialContext, reduce } from './reduce.ts';
import { type Rule, refusal } from './rules.ts';
import type { CaseContext, CaseEvent, CaseInput, Outcome } from './types.ts';

// The machine's configuration is generated from the spec, so it is assembled as plain objects and
// handed to `createMachine`; the guards and actions it names are typed through `setup()`.
type StateConfig = { [key: string]: unknown };
type Transition = { guard?: unknown; target?: string; actions?: unknown; reenter?: boolean };

const apply = (action: Action) => ({ type: 'apply', params: action });
const allowed = (rule: Rule) => ({ type: 'allowed', params: rule });

const key = stateKey;

function sequence(flow: readonly FlowNode[]): StateConfig {
  if (flow.length === 0) return { initial: 'done', states: { done: { type: 'final' } } };
  const states: StateConfig = {};
  flow.forEach((node, i) => {
    const next = i + 1 < flow.length ? key(flow[i + 1]!.id) : 'done';
    states[key(node.id)] = { ...nodeState(node), onDone: next };
  });
  states['done'] = { type: 'final' };
  return { initial: key(flow[0]!.id), states };
}

function nodeState(node: FlowNode): StateConfig {
  switch (node.kind) {
    case 'step':
      return stepState(node);
    case 'parallel':
      return parallelState(node);
    case 'branch':
      return branchState(node);
    case 'consult':
      return consultState(node);
    case 'excluded':
      return excludedState(node);
  }
}

function stepState(node: StepNode): StateConfig {
  const step = node.id;
  const on: Record<string, Transition> = {
    COMPLETE: { guard: allowed({ rule: 'holder', step }), target: 'finished', actions: apply({ do: 'complete-step', step }) },
    REQUEST_SUPPLEMENT: { guard: allowed({ rule: 'supplement', step }), target: 'supplement', actions: apply({ do: 'request-supplement', step }) },
    REFUSE: { guard: allowed({ rule: 'holder', step }), target: '#refused', actions: apply({ do: 'refuse' }) },
  };
  return {
    initial: 'working',
    entry: apply({ do: 'enter-step', step }),
    states: {
      working: { on },
      supplement: {
        tags: ['supplement'],
        on: {
          SUPPLY: { guard: allowed({ rule: 'supply', step }), target: 'working', actions: apply({ do: 'supply-supplement', step }) },
          REFUSE: on['REFUSE'],
        },
      },
      finished: { type: 'final' },
    },
  };
}

function parallelState(node: ParallelNode): StateConfig {
  const states: StateConfig = {};
  node.branches.forEach((branch, i) => {
    states[`branch${i + 1}`] = sequence(branch);
  });
  return { type: 'parallel', states };
}

/** Routes on dossier data; the limit extensions of the cases taken are applied at receipt (see `extensionsFor`). */
function branchState(node: BranchNode): StateConfig {
  const always: Transition[] = [];
  const states: StateConfig = {};
  node.cases.forEach((c, i) => {
    const target = `case${i + 1}`;
    states[target] = { ...sequence(c.flow), onDone: 'done' };
    always.push({ guard: { type: 'matches', params: { field: node.field, value: c.when } }, target });
  });
  if (node.otherwise !== undefined) {
    const o = node.otherwise;
    states['otherwise'] = { ...sequence(o.flow), onDone: 'done' };
    always.push({ target: 'otherwise' });
  }
  states['decide'] = { always };
  states['done'] = { type: 'final' };
  return { initial: 'decide', states };
}

function consultState(node: ConsultNode): StateConfig {
  const states: StateConfig = {};
  for (const agency of node.consulted) {
    const on: Record<string, Transition> = {
      ANSWER: { guard: allowed({ rule: 'answer', consult: node.id, agency }), target: 'answered', actions: apply({ do: 'answer', consult: node.id, agency }) },
    };
    if (node.deemedConsent) {
      on['TIMER'] = { guard: allowed({ rule: 'timer', timer: `${node.id}:${agency}` }), target: 'deemed', actions: apply({ do: 'deemed-consent', consult: node.id, agency }) };
    }
    states[key(agency)] = { initial: 'waiting', states: { waiting: { on }, answered: { type: 'final' }, deemed: { type: 'final' } } };
  }
  return { type: 'parallel', entry: apply({ do: 'start-consult', consult: node.id }), states };
}

function excludedState(node: ExcludedNode): StateConfig {
  const end = apply({ do: 'end-interval', interval: node.id });
  const on: Record<string, Transition> =
    node.lasts === undefined
      ? { FINISH_INTERVAL: { guard: allowed({ rule: 'interval', interval: node.id, party: node.party }), target: 'closed', actions: end } }
      : { TIMER: { guard: allowed({ rule: 'timer', timer: node.id }), target: 'closed', actions: end } };
  return {
    initial: 'open',
    entry: apply({ do: 'start-interval', interval: node.id }),
    states: { open: { on, tags: [`interval:${node.reason}`] }, closed: { type: 'final' } },
  };
}

/** The machine's full configuration for a spec. */
function machineConfig(spec: ProcedureSpec): StateConfig {
  const desk = allowed({ rule: 'desk' });
  return {
    id: 'case',
    initial: 'active',
    states: {
      active: {
        initial: 'receiving',
        on: {
          WITHDRAW: { guard: allowed({ rule: 'applicant' }), target: '#withdrawn', actions: apply({ do: 'withdraw' }) },
          TIMER: { guard: allowed({ rule: 'notify' }), actions: apply({ do: 'notify' }) },
          // Once the clock runs (the rule checks it), whoever holds the dossier, the desk included
          // while it waits for the transfer, may issue the apology slip.
          APOLOGIZE: { guard: allowed({ rule: 'apology' }), actions: apply({ do: 'apologize' }) },
        },
        states: {
          receiving: {
            on: {
              ACCEPT: { guard: desk, target: 'transferring', actions: apply({ do: 'accept' }) },
              REQUEST_COMPLETION: { guard: allowed({ rule: 'completion-request' }), target: 'awaitingCompletion', actions: apply({ do: 'request-completion' }) },
              REFUSE: { guard: desk, target: '#refusedAtReceipt', actions: apply({ do: 'refuse-at-receipt' }) },
            },
          },
          awaitingCompletion: {
            on: { SUPPLY: { guard: allowed({ rule: 'applicant' }), target: 'receiving', actions: apply({ do: 'supply-completion' }) } },
          },
          transferring: {
            always: { guard: 'immediate', target: 'processing', actions: apply({ do: 'transfer' }) },
            on: { TRANSFER: { guard: desk, target: 'processing', actions: apply({ do: 'transfer' }) } },
          },
          processing: {
            ...sequence(spec.flow),
            onDone: { target: '#resultReady', actions: apply({ do: 'result-ready' }) },
          },
        },
      },
      resultReady: {
        id: 'resultReady',
        on: { RETURN_RESULT: { guard: desk, target: 'returned', actions: apply({ do: 'return' }) } },
      },
      returned: {
        on: {
          RATE: { guard: allowed({ rule: 'applicant' }), target: 'rated', actions: apply({ do: 'rate' }) },
          TIMER: { guard: allowed({ rule: 'timer', timer: 'rating-window' }), target: 'closed', actions: apply({ do: 'close-unrated' }) },
        },
      },
      rated: { type: 'final' },
      closed: { type: 'final' },
      // The applicant's request to withdraw (portal status 7) ends the clock; an officer of the desk
      // then closes the dossier (status 8) with a second WITHDRAW, as one-stop systems record it.
      withdrawn: { id: 'withdrawn', on: { WITHDRAW: { guard: desk, target: 'withdrawalClosed', actions: apply({ do: 'close-withdrawal' }) } } },
      withdrawalClosed: { type: 'final' },
      refused: { id: 'refused', type: 'final' },
      refusedAtReceipt: { id: 'refusedAtReceipt', type: 'final' },
    },
    output: ({ context }: { context: CaseContext }) => context.outcome,
  };
}

function createCaseMachine(env: ProcedureEnv) {
  const s = setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
      input: {} as CaseInput,
      output: {} as Outcome | null,
    },
    guards: {
      allowed: ({ context, event }, params: Rule) => refusal(env, context, event, params) === null,
      matches: ({ context }, params: { field: string; value: string | number | boolean }) => own(context.dossier, params.field) === params.value,
      immediate: ({ context }) => handoverIsImmediate(env, context.channel),
    },
    actions: {
      apply: assign(({ context, event }, params: Action) => reduce(env, context, event, params)),
    },
  });
  const config = { ...machineConfig(env.spec), context: ({ input }: { input: CaseInput }) => initialContext(env, input) };
  return s.createMachine(config as unknown as Parameters<typeof s.createMachine>[0]);
}

/** The XState machine of a procedure: one per spec, the single source of its behaviour. */
export type CaseMachine = ReturnType<typeof createCaseMachine>;

/** A spec compiled: the machine plus what hosts need to run it. */
export interface CompiledProcedure {
  readonly spec: ProcedureSpec;
  readonly machine: CaseMachine;
  readonly env: ProcedureEnv;
}

/**
 * Compiles a validated spec to its XState v5 machine. No wall clock and no randomness inside:
 * every event carries its instant, and deadlines come back as timers for the host to deliver.
 *
 * @example
 * const proc = compileProcedure(validateProcedure(json));
 * const kase = startCase(proc, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person' });
 */
export function compileProcedure(spec: ProcedureSpec, options: CompileOptions = {}): CompiledProcedure {
  const env = buildEnv(spec, options);
  return { spec, machine: createCaseMachine(env), env };
}
