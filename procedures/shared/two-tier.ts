import { ONE_STOP_REGULATIONS } from '../../src/dsl/one-stop-rules.ts';
import type { AgencySpec } from '../../src/dsl/spec.ts';
import type { LegalRef } from '../../src/legal.ts';

// What the catalogue's versions share about the 2025 reorganisation. This folder holds no
// procedure: the catalogue loads the modules directly under procedures/ only.

/**
 * Two-tier local government from 1/7/2025: the district level abolished, its competence moved to
 * the (merged) communes and to the province. Cited by every post-reform version of the catalogue.
 */
export const TWO_TIER_LOCAL_GOVERNMENT: LegalRef = {
  document: 'Law on the Organisation of Local Government 2025',
  effectiveFrom: '2025-07-01',
  confidence: 'mem',
  note: 'two levels, province and commune, from 1/7/2025; the law’s number was not verified with the search tool',
};

/** The commune's public administration service centre: the one-stop desk of every commune since 1/7/2025. */
export const COMMUNE_CENTRE: AgencySpec = { name: { vi: 'Trung tâm Phục vụ hành chính công xã', en: 'Commune public administration service centre' }, level: 'commune', desk: true };

/** The province's public administration service centre. */
export const PROVINCE_CENTRE: AgencySpec = { name: { vi: 'Trung tâm Phục vụ hành chính công tỉnh', en: 'Provincial public administration service centre' }, level: 'province', desk: true };

/** The commune People's Committee of the merged commune. */
export const COMMUNE_COMMITTEE: AgencySpec = { name: { vi: 'Ủy ban nhân dân xã', en: 'Commune People’s Committee' }, level: 'commune' };

/** Any public administration service centre of the province receives the dossier and passes it on (Decree 118/2025/NĐ-CP). */
export const ANY_CENTRE_IN_PROVINCE = {
  scope: 'any-centre-in-province',
  ref: { ...ONE_STOP_REGULATIONS.decree118of2025, note: 'dossiers accepted regardless of administrative boundary within the province' },
} as const;


/**
 * The successor of a district agency abolished on 1/7/2025, for the `succeededBy` of the
 * three-level versions.
 */
export function fromTheCommune(vi: string, en: string, ref: LegalRef = TWO_TIER_LOCAL_GOVERNMENT): NonNullable<AgencySpec['succeededBy']> {
  return { name: { vi, en }, from: '2025-07-01', ref };
}

/** Enterprise and household business registration from 1/7/2025. */
export const DECREE_168 = {
  document: 'Decree 168/2025/NĐ-CP on enterprise registration, replacing Decree 01/2021/NĐ-CP',
  effectiveFrom: '2025-07-01',
  confidence: 'mem',
  note: 'replaces Decree 01/2021/NĐ-CP; household businesses register at the commune; the decree’s number is from the team’s domain notes, not found with the search tool',
} as const;
