/**
 * `motcua/tui`: the Ink components of the terminal UI (ink and react are optional peer
 * dependencies: `npm install ink@6.8.0 react@19.2.9`).
 */
export { type SimDashboardProps, SimDashboard } from './SimDashboard.tsx';
export { type StepAppProps, StepApp } from './StepApp.tsx';
export { type Action, type SavedSession, type Session, actions, advanceClock, loadSession, openSession, perform, redo, saveSession, undo } from './session.ts';
