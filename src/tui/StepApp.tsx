import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, useRef, useState } from 'react';
import { explainCase } from '../analysis/explain-case.ts';
import { t } from '../i18n/translate.ts';
import { ActionList } from './components/ActionList.tsx';
import { ClockView } from './components/ClockView.tsx';
import { FlowView } from './components/FlowView.tsx';
import { Header } from './components/Header.tsx';
import { TextPanel } from './components/TextPanel.tsx';
import { type Action, type Session, actions, advanceClock, current, perform, redo, undo } from './session.ts';
import { type Lang, clockFacts, fitLabel, fitMessage, flowLines, textWidth, timelineLines, wrapLines } from './view-model.ts';

export interface StepAppProps {
  readonly initial: Session;
  readonly lang: Lang;
  readonly color: boolean;
  /** Saves the session (the CLI writes the file); returns what to tell the person. */
  readonly onSave: (session: Session) => string;
}

/** The keys, in under 80 columns; the clock's keys are in the clock panel's title. */
const HELP = {
  en: '↑↓/1-9 select · Enter act · u undo · r redo · w why · s save · q quit',
  vi: '1-9 chọn · Enter thực hiện · u/r hoàn tác/làm lại · w vì sao · s lưu · q thoát',
} as const;

const FORM = {
  en: { send: '(Enter to send, Esc to cancel)', required: 'write the reason first', confirm: (label: string, text: string) => `${label}: “${text}”. Enter again to confirm, Esc to cancel.` },
  vi: { send: '(Enter để gửi, Esc để hủy)', required: 'hãy ghi lý do trước', confirm: (label: string, text: string) => `${label}: “${text}”. Nhấn Enter lần nữa để xác nhận, Esc để hủy.` },
} as const;

const TITLES = {
  en: { flow: 'Flow', actions: 'Possible now', timeline: 'Control slip', why: 'Why this due date? (w to close)' },
  vi: { flow: 'Quy trình', actions: 'Có thể làm', timeline: 'Phiếu kiểm soát', why: 'Vì sao hạn này? (w để đóng)' },
} as const;

interface State {
  readonly session: Session;
  readonly lang: Lang;
  readonly selected: number;
  readonly why: boolean;
  /** The form being filled in; `confirming` once a destructive action's reason is written and Enter pressed. */
  readonly form: { readonly action: Action; readonly text: string; readonly confirming?: boolean; readonly missing?: boolean } | null;
}

type Key = { readonly input: string; readonly upArrow: boolean; readonly downArrow: boolean; readonly return: boolean; readonly escape: boolean; readonly backspace: boolean; readonly delete: boolean; readonly ctrl: boolean; readonly meta: boolean };

/**
 * What a key does, as a pure function of the state: keys that arrive faster than the screen
 * redraws are applied one after the other to the latest state, never to a stale one.
 */
export function pressKey(state: State, key: Key): State {
  const { session, selected, form, lang } = state;
  if (form !== null) {
    if (key.escape) return { ...state, form: null };
    if (key.return) {
      if (form.action.destructive === true) {
        if (form.text.trim() === '') return { ...state, form: { ...form, missing: true } };
        if (form.confirming !== true) return { ...state, form: { ...form, confirming: true } };
      }
      return { ...state, session: perform(session, form.action, form.text, lang), form: null, selected: 0 };
    }
    if (form.confirming === true) return state;
    if (key.backspace || key.delete) return { ...state, form: { ...form, text: form.text.slice(0, -1) } };
    if (key.input !== '' && !key.ctrl && !key.meta) return { ...state, form: { action: form.action, text: form.text + key.input } };
    return state;
  }
  const available = actions(session, lang);
  const act = (action: Action | undefined): State => {
    if (action === undefined) return state;
    if (action.form !== undefined) return { ...state, form: { action, text: action.form.initial } };
    return { ...state, session: perform(session, action, undefined, lang), selected: 0 };
  };
  const input = key.input;
  if (key.upArrow) return { ...state, selected: Math.max(0, selected - 1) };
  if (key.downArrow) return { ...state, selected: Math.min(Math.max(0, available.length - 1), selected + 1) };
  if (key.return) return act(available[selected]);
  // A digit only selects: acting always takes Enter, so a stray key never refuses a dossier.
  if (/^[1-9]$/.test(input)) return Number(input) <= available.length ? { ...state, selected: Number(input) - 1 } : state;
  if (input === 'h') return { ...state, session: advanceClock(session, 'hour', lang) };
  if (input === 'd') return { ...state, session: advanceClock(session, 'working-day', lang) };
  if (input === 'n') return { ...state, session: advanceClock(session, 'deadline', lang) };
  if (input === 'u') return { ...state, session: undo(session, lang), selected: 0 };
  if (input === 'r') return { ...state, session: redo(session, lang), selected: 0 };
  if (input === 'w') return { ...state, why: !state.why };
  return state;
}

/** Step through a case: the flow, the clocks, the control slip and the events possible now. */
export function StepApp({ initial, lang, color, onSave }: StepAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  // Laid out again when the terminal is resized (Ink redraws, but the sizes here are ours).
  const [size, setSize] = useState({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  useEffect(() => {
    const resized = () => setSize({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout]);
  const rows = Math.max(24, size.rows);
  const columns = Math.max(80, size.columns);
  const [state, dispatch] = useReducer(
    (s: State, k: Key | { readonly saved: string }) => ('saved' in k ? { ...s, session: { ...s.session, message: k.saved } } : pressKey(s, k)),
    { session: initial, lang, selected: 0, why: false, form: null },
  );
  const latest = useRef(state);
  latest.current = state;

  useInput((input, key) => {
    const k: Key = { input, upArrow: key.upArrow, downArrow: key.downArrow, return: key.return, escape: key.escape, backspace: key.backspace, delete: key.delete, ctrl: key.ctrl, meta: key.meta };
    if (latest.current.form === null && (input === 'q' || (key.ctrl && input === 'c'))) exit();
    else if (latest.current.form === null && input === 's') dispatch({ saved: onSave(latest.current.session) });
    else dispatch(k);
  });

  const { session, selected, why, form } = state;
  const { snapshot, now } = current(session);
  const available = actions(session, lang);
  const proc = session.proc;
  const body = rows - 4;
  const titles = TITLES[lang];
  const facts = clockFacts(proc, snapshot, now, lang);
  const layout = stepLayout(columns, rows, available.length);
  const flow = <FlowView title={titles.flow} lines={flowLines(proc, snapshot, lang)} color={color} height={layout.flow.height} />;
  const slip = layout.slip.height > 0 ? <TextPanel title={titles.timeline} lines={timelineLines(snapshot, lang)} color={color} height={layout.slip.height} tail /> : null;
  const clocks = <ClockView facts={facts} lang={lang} color={color} width={layout.clocks.width} />;
  const list = <ActionList title={titles.actions} actions={available} selected={selected} color={color} height={layout.actions.height} width={layout.actions.width} />;
  return (
    <Box flexDirection="column" height={rows}>
      <Header title={proc.spec.title} id={`${proc.spec.id}@${proc.spec.version}`} level={t(lang, `level.${proc.spec.level}`)} limit={facts.limit} lang={lang} color={color} />
      {why ? (
        <TextPanel title={titles.why} lines={wrapLines(explainCase(proc, snapshot, lang), columns - 4)} color={color} height={body} />
      ) : layout.wide ? (
        <Box height={body}>
          <Box flexDirection="column" width={layout.flow.width}>
            {flow}
            {slip}
          </Box>
          <Box flexDirection="column" width={layout.clocks.width}>
            {clocks}
            {list}
          </Box>
        </Box>
      ) : (
        <Box flexDirection="column" height={body}>
          <Box height={layout.flow.height}>
            <Box flexDirection="column" width={layout.flow.width}>
              {flow}
            </Box>
            {clocks}
          </Box>
          {list}
          {slip}
        </Box>
      )}
      <Text wrap="truncate-end" {...(color ? { color: 'yellow' } : {})}>
        {form === null ? fitMessage(session.message ?? ' ', proc, lang, columns) : formLine(form, lang, columns)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {HELP[lang]}
      </Text>
    </Box>
  );
}

/** The form's line: the action's label shortened (agency ids) when the whole line would not fit, so the instructions stay readable. */
function formLine(form: NonNullable<State['form']>, lang: Lang, columns: number): string {
  const words = FORM[lang];
  const line = (label: string) =>
    form.confirming === true ? words.confirm(label, form.text) : `${form.action.form!.prompt}: ${form.text}▏ ${form.missing === true ? `— ${words.required} ` : ''}${words.send}`;
  const full = line(form.action.label);
  return textWidth(full) <= columns ? full : line(fitLabel(form.action, 0));
}

/** Heights and widths of the panels: its panels share the width of the terminal and never run over its height. */
export interface StepLayout {
  /** Two columns (flow and control slip | clocks and actions) from 100×28; below, the actions take the whole width under the flow and the clocks. */
  readonly wide: boolean;
  readonly flow: { readonly width: number; readonly height: number };
  readonly clocks: { readonly width: number };
  readonly actions: { readonly width: number; readonly height: number };
  /** Zero when there is no room for the control slip (it is the first detail dropped). */
  readonly slip: { readonly height: number };
}

/** The clock panel's height: nine facts, the title and two borders. */
const CLOCK_ROWS = 12;

/**
 * Lays out the stepper in `columns` × `rows` (at least 80×24) with `actionCount` actions: the
 * header and the two footer lines take four rows, the panels the rest.
 */
export function stepLayout(columns: number, rows: number, actionCount: number): StepLayout {
  const body = rows - 4;
  if (columns >= 100 && rows >= 28) {
    const left = Math.floor(columns / 2);
    return { wide: true, flow: { width: left, height: Math.ceil(body / 2) }, clocks: { width: columns - left }, actions: { width: columns - left, height: body - CLOCK_ROWS }, slip: { height: Math.floor(body / 2) } };
  }
  const clocks = Math.min(52, columns - 35);
  const below = body - CLOCK_ROWS;
  // The actions first (each one, or at least four), then the control slip if five rows remain.
  const wanted = Math.max(4, actionCount) + 3;
  const actions = below - wanted >= 5 ? wanted : below;
  return { wide: false, flow: { width: columns - clocks, height: CLOCK_ROWS }, clocks: { width: clocks }, actions: { width: columns, height: actions }, slip: { height: below - actions } };
}
