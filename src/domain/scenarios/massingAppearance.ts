import type { Massing, MassingUseKey } from './scenarioSchema';

/** Colours of the main use of a massing, as in German land-use plans (residential warm, commerce blue-grey, community red). */
export const USE_COLORS: Readonly<Record<MassingUseKey, string>> = {
  housing: '#e8c27a',
  commerce: '#8fa9c7',
  dayCare: '#d9776f',
  school: '#d9776f',
  community: '#d9776f',
  mobility: '#9e9e9e',
};

/** The use with the largest floor-area share of a massing. */
export function dominantUse(massing: Massing): MassingUseKey {
  let best: MassingUseKey = 'housing';
  let bestShare = -1;
  for (const [use, share] of Object.entries(massing.uses) as [MassingUseKey, number | undefined][]) {
    if ((share ?? 0) > bestShare) {
      best = use;
      bestShare = share ?? 0;
    }
  }
  return best;
}

/** A massing's height above its base: storeys × storey height. */
export function massingHeightMeters(massing: Massing): number {
  return massing.storeys * massing.storeyHeightMeters;
}
