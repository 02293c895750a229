// The usage text of every command, kept apart from the commands so that `motcua --help` and the
// error messages load no command module (commands are imported lazily, see commands.ts).
import { DURATION_FORMS } from '../calendar/duration.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from '../calendar/lunar.ts';
import { VN_MAX_YEAR, VN_MIN_YEAR } from '../calendar/vietnam.ts';

export const CALENDAR_USAGE = `motcua calendar holidays <year> [--json] [--lang vi|en]
  Every date of <year> whose status differs from the weekly pattern (${VN_MIN_YEAR}–${VN_MAX_YEAR}).
motcua calendar lunar <YYYY-MM-DD> [--json]
  The Vietnamese lunar date of a solar date (${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}).
motcua calendar solar <YYYY-MM-DD> [--leap] [--json]
  The solar date of a Vietnamese lunar date (year-month-day in the lunar calendar).
motcua calendar add <start> <duration> [--json] [--lang vi|en]
  <start> YYYY-MM-DD counts in the legal date mode (Civil Code Art. 147–148) and prints the due date;
  <start> YYYY-MM-DDTHH:MM (Vietnamese time) counts working time in office hours and prints the due instant.
  <duration>: ${DURATION_FORMS}.`;

export const CASE_USAGE = `motcua case open|send|show|list|tick|log --db <file.db> [--procedures <dir|file> [--only] [--allow-code]] …
  Runs real cases in a SQLite file (created by the first open). Output is JSON; instants are local (+07:00).
  Dossier codes are <unit>-YYMMDD-XXXX, numbered per receiving unit and day (Circular 01/2018/TT-VPCP Art. 19):
  the request's "unit", else --unit <id> (e.g. 000.00.12.H33), else the placeholder MOTCUA.
  open  <request|->                 '{"procedure":"birth-registration","receivedAt":"2025-01-24T09:00","channel":"in-person","by":"desk","dossier":{"needsVerification":false}}'
                                    (optional: "unit", "code", "accept": false to leave it at receipt) [--key <idempotency key>] [--unit <id>]
  send  <caseId> <event|->          '{"type":"TRANSFER","at":"2025-01-24T10:00","by":"desk"}' [--key <k>] [--expect-version <n>]
  show  <caseId> [--log]            status, due dates with reasons, control slip, refused attempts (and the log)
  list  [--agency a] [--status 4,5] [--due-before <instant>] [--overdue <instant>] [--procedure id]
  tick  [--now <instant>]           fires every deadline passed (default: now)
  log   -o <log.csv|log.xes>        writes every case as an event log for process mining (pm4py CSV or IEEE XES)
  form  <caseId> <form> [--text] [-o file]
                                    a one-stop form of the period in force on the receipt day, filled from the case
                                    (printable HTML, A5/A4 print CSS, Vietnamese; --text for plain text); <form> is a
                                    number or a name: Circular 01/2018/TT-VPCP (receipts 2019-01-06 … 2025-09-14):
                                    01 receipt, 02 completion-request, 03 refusal, 04 apology, 05 control-slip,
                                    06 tracking-book; Circular 03/2025/TT-VPCP (from 2025-09-15): 01 receipt,
                                    02 completion-request, 03 refusal, 04 apology (with a request to extend),
                                    05 stop-notice, 06 control-slip, 07 tracking-book. Lines the record has no value
                                    for (the applicant's name, address…) are printed blank.
  JSON comes as an argument or on stdin with -. Exit 1 when the event is refused or conflicts (the reason on stderr).`;

export const CHECK_USAGE = `motcua check [paths…] [--allow-code] [--json] [--seed N] [--runs N] [--received YYYY-MM-DD] [--lang vi|en]
  Loads, validates, compiles and analyses procedures (the catalogue by default): shares within the
  statutory limit on every path, every state reachable and able to finish, outcomes, and property
  checks (never late when every agency meets its share; pauses; restarts). Each procedure passes,
  passes with warnings (a holiday risk of a limit in calendar days, an approximate conversion, a
  due date for a dossier received on --received, today by default, that rests on days with no official
  announcement yet) or fails.`;

export const EXPLAIN_USAGE = `motcua explain <procedure> --received <YYYY-MM-DDTHH:MM> [--events <file.json>] [--channel in-person|postal|online] [--dossier '{"field":value}' | file.json] [--allow-code] [--json] [--lang vi|en]
  Replays a case (events: a JSON array like [{"type":"ACCEPT","at":"2025-03-03T09:10","by":"desk"}])
  and prints the due date of each step and of the dossier, with the reason for each.`;

export const GRAPH_USAGE = `motcua graph <procedure> --format mermaid|dot|bpmn [--allow-code] [--lang vi|en]
  The procedure as a Mermaid state diagram, a Graphviz graph (agencies as clusters) or BPMN 2.0 XML
  (one lane per agency, timers for deadlines, legal references as documentation).`;

export const LIST_USAGE = `motcua list [paths…] [--on YYYY-MM-DD] [--allow-code] [--json] [--lang vi|en]
  A table of the catalogue (or of the given files): id, version, title, level, limit, agencies, legal basis.
  --on: only what is in force that day, one line per procedure (the version a dossier received then runs on).`;

export const REPORT_USAGE = `motcua report [scenario.yaml | report.json] [-o report.html] [--lang vi|en] [--compare] [--replications N] [--seed N] [--workers N] [--summary] [--allow-code] [--allow-outside] [--json]
motcua report --db <cases.db | postgres://…> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now <instant>] [--procedures <dir|file> [--only]] [-o report.html] [--lang vi|en] [--json]
motcua report --log <log.csv|log.xes> [--map map.yaml] [--procedure <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now <instant>] [--procedures <dir|file> [--only]] [-o report.html] [--lang vi|en] [--json]
  Writes one self-contained HTML page (for simulations/province-2016.yaml by default; report.html
  unless -o says otherwise): cycle-time histograms against the statutory limit, early / on time /
  late, p50/p90; utilisation and queue waits per station with the bottleneck; with --compare, each
  reform variant against the baseline with 95% confidence intervals; the one-stop dashboard; the
  scenario's parameters and the commands that reproduce it. A .json input is what motcua simulate
  --json or motcua report --json printed. --json prints the page's data (the HTML only with -o);
  --summary also prints the terminal summary of motcua simulate.
  With --db, the one-stop dashboard of the cases in an engine's store (motcua case; SQLite or PostgreSQL) for the
  days --from to --to (this month by default), as of --now (default: now), and the Decision 766
  indicators of its dossiers, ratings and complaints (JSON: indicators.decision766).
  With --log, the Decision 766 indicators of an event log (pm4py CSV or XES; --map as for
  calibrate), each trace replayed on its procedure's statutory clock (the version in force on its
  day of receipt; --procedure for a log without case:procedure), for the log's first to last day
  unless --from / --to say otherwise, as of its last event unless --now does.`;

export const SIMULATE_USAGE = `motcua simulate [scenario.yaml] [--json] [--compare] [--events log.csv|log.xes] [--replications N] [--seed N] [--workers N] [--tui] [--allow-code] [--allow-outside] [--lang vi|en]
  Runs a scenario (simulations/province-2016.yaml by default): processing times, lateness and
  agency load; --compare adds each variant against the baseline with 95% confidence intervals;
  --seed and --replications override the scenario file's;
  --events writes the baseline's event log for process mining: CSV with pm4py's columns, or IEEE XES;
  --tui shows a live progress bar, then a dashboard (←/→ procedure, tab variant).`;

export const STEP_USAGE = `motcua step <procedure> [--received <YYYY-MM-DDTHH:MM>] [--channel …] [--dossier file.json | '{"field":value}'] [--case saved.json] [--save file.json] [--allow-code] [--lang vi|en]
  A full-screen terminal UI to walk one dossier through a procedure (needs an interactive terminal).`;

export const SERVE_USAGE = `motcua serve --db <file.db | postgres://…> [--port 8080] [--host 127.0.0.1] [--auth auth.yaml] [--procedures <dir|file> [--only]] [--webhooks webhooks.yaml] [--unit <id>]
  The HTTP API: procedures, cases, the public lookup and ratings; OpenAPI 3.1 at /openapi.json, the
  reference at /docs. Tokens of auth.yaml say who acts (see README). --port 0 takes a free port; the
  first line printed is the address. --webhooks: the outbox delivers every effect to these
  endpoints, signed, at least once, across restarts. --unit: the receiving unit dossier codes start with
  when the desk token has no "unit" of its own (placeholder MOTCUA). Stops on SIGINT or SIGTERM.
motcua token [<token>]
  A new random bearer token and the "sha256:…" hash to put in auth.yaml (or the hash of the token given).`;

export const DISCOVER_USAGE = `motcua discover <log.csv|log.xes> | --db <cases.db|postgres://…> -o <folder> [--min-frequency F] [--procedure NAME] [--map map.yaml] [--json]
  A draft procedure (procedure.yaml, valid for motcua check) and its scenario (scenario.yaml) from
  a log whose activities are not known in advance: the main flow (sequence, exclusive branches with
  their shares of cases, parallel parts; a repeated activity is rework) from the directly-follows
  relation of the finished cases, leaving out activities and edges in fewer than F of the cases
  (default 0.05); one agency and station per org:group; shares from working time and waits; then
  the scenario as calibrate fits it. Says what was left out (rare activities, cases that do not fit).
  --db reads the cases of an engine's store (motcua case, motcua serve) instead of a log file.`;

export const CALIBRATE_USAGE = `motcua calibrate <log.csv|log.xes> | --db <cases.db|postgres://…> --procedure <id|file> [--map map.yaml] [-o scenario.yaml] [--json]
  A simulation scenario for a known procedure fitted to an event log: step durations (exponential,
  lognormal, gamma or empirical, by AIC among the fits a KS test accepts), branch, supplement,
  refusal and withdrawal rates, applicant response and transfer times, arrivals by weekday and
  hour, channels, officers per station and office hours; each figure says from how many
  observations. --map names the log's columns and maps its activities to steps; --db reads the
  cases of an engine's store (motcua case, motcua serve) instead of a log file.`;

export const VALIDATE_USAGE = `motcua validate <scenario.yaml> --log <log.csv|log.xes> | --db <cases.db|postgres://…> [--map map.yaml] [--replications N] [--json]
  Simulates the scenario and compares it with the log: cycle times (two-sample KS, earth mover's
  distance in days, p50 and p90 ratios), arrivals per working day, completions per case of every
  activity, timed work against waiting; a verdict per figure (good / fair / poor); exit 1 when a
  figure is poor. --db compares with the cases of an engine's store instead of a log file.`;

export const STAFF_USAGE = `motcua staff <scenario.yaml> --target "onTimeRate>=0.95"|"meanCycleDays<=5"|"decision766.onTimeRate>=0.95" [--max-officers N] [--max-evaluations N] [--replications N] [--horizon D] [--workers N] [--html staff.html] [--json] [--lang vi|en]
  The least officers per station meeting the target with 95% confidence (the whole interval on the
  right side), by marginal allocation to the bottleneck and then pruning, every candidate simulated
  with the scenario's seed (common random numbers), each batch of candidates on one pool of worker
  threads; prints the frontier (total officers → figure with its interval); --html writes it as a
  page with a chart. A Decision 766 target: decision766.onTimeRate, .satisfactionRate (floors
  between 0 and 1) or .points (a floor).`;

export const COMPLAINT_USAGE = `motcua complaint open|acknowledge|ask|answer|list --db <file.db | postgres://…> …
  Complaints and petitions (phản ánh, kiến nghị) in the store of motcua case, with deadlines of
  2 working days to acknowledge (or refuse), 5 to ask for information and 15 to answer (defaults,
  not verified), counted on the working calendar from the filing.
  open        --kind feedback|petition --text "…" [--dossier <code>] [--agency <id>] [--at <instant>] [--procedures <dir>]
              (a complaint about a dossier counts for the dossier's agency unless --agency says otherwise)
  acknowledge <id> [--at <instant>]                 accepts it for handling (once)
  ask         <id> --text "what is needed" [--at <instant>]   asks the filer for information (once; acknowledges it too)
  answer      <id> --outcome upheld|dismissed|refused --text "…" [--feedback satisfied|not-satisfied] [--at <instant>]
  list        [--dossier <code>] [--agency <id>] [--status open|acknowledged|awaiting-information|answered|refused] [--at <instant>]
  Output is JSON with local instants (+07:00) and, per deadline, kept / missed / pending / overdue
  (deadlinesKept, as of --at); --at defaults to now. They count in motcua report --db.`;
