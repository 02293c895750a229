/**
 * The one-stop forms of each period (Circular 01/2018/TT-VPCP's six, Circular 03/2025/TT-VPCP's
 * seven), filled from a case record and rendered as printable HTML or text: what `motcua case
 * form` prints. Pure: no file, no clock.
 */
export { type FilledForm, type FormField, type FormSource, fillForm, formDue, formTime } from './case-form.ts';
export { FORM_SETS, type FormKind, type FormSet, type FormSpec, findForm, formSetOn } from './form-sets.ts';
export { formHtml, formText } from './render-form.ts';
