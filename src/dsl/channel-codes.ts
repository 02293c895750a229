import type { Channel } from './spec.ts';

/**
 * The portal's code of each channel: 1 in person (Trực tiếp), 2 online (Trực tuyến), 3 public
 * postal service (Qua bưu chính công ích), as one-stop systems exchange them with the national
 * public service portal (shared/DOMAIN.md).
 *
 * @example
 * CHANNEL_CODES.postal // → { code: 3, vi: 'Qua bưu chính công ích', en: 'public postal service' }
 */
export const CHANNEL_CODES: Readonly<Record<Channel, { readonly code: 1 | 2 | 3; readonly vi: string; readonly en: string }>> = {
  'in-person': { code: 1, vi: 'Trực tiếp', en: 'in person' },
  online: { code: 2, vi: 'Trực tuyến', en: 'online' },
  postal: { code: 3, vi: 'Qua bưu chính công ích', en: 'public postal service' },
};
