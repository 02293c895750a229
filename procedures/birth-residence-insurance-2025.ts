import { ONE_STOP_REGULATIONS } from '../src/dsl/one-stop-rules.ts';
import { deriveVariant } from '../src/dsl/variant.ts';
import { birthResidenceInsurance } from './birth-residence-insurance.ts';
import { COMMUNE_CENTRE, TWO_TIER_LOCAL_GOVERNMENT } from './shared/two-tier.ts';

/** The published procedure of the linked electronic service: 3 working days, online. */
const DECISION_296 = {
  document: 'Decision 296/QĐ-VPCP (12/6/2024) publishing the linked electronic procedures for births and deaths',
  effectiveFrom: '2024-06-12',
  confidence: 'src',
  note: 'filed on the national public service portal or VNeID; the birth registered within the working day; residence at most 2 working days, the health-insurance card at most 2; the whole service within 3 working days of a complete dossier (5 when verification is needed, not modelled)',
} as const;

/**
 * Birth registration + permanent residence + health-insurance card for a child under 6 since
 * 1/7/2025: an online linked service only (national portal, VNeID), 3 working days, between the
 * merged commune's civil-status officer, the commune police and the local social insurance office.
 * The shares are the published maxima: the birth within a working day, then residence and the
 * card (2 working days each) in parallel.
 */
export const birthResidenceInsurance2025 = deriveVariant(birthResidenceInsurance, {
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  channels: ['online'],
  limit: { duration: '3wd', mode: 'date', ref: DECISION_296 },
  legal: [DECISION_296, ...birthResidenceInsurance.legal, ONE_STOP_REGULATIONS.decree118of2025, TWO_TIER_LOCAL_GOVERNMENT],
  agencies: {
    desk: COMMUNE_CENTRE,
    insurance: { name: { vi: 'Bảo hiểm xã hội cơ sở', en: 'Local social insurance office' }, level: 'province' }, // [?] the office's name after the 2025 reorganisation of social insurance
  },
});
