/**
 * The logged-in homeowner's thermography (issue #4): the owner document of their one building while the session
 * lasts. It lives only in memory (never in the URL, localStorage or a storyboard) and is cleared on logout.
 */
import type { OwnerDocument } from '../domain/thermography/ownerDocument';

/**
 * How the city view shows the owner's roof image: `draped` onto the 3D roof (a ground primitive classifying the
 * 3D tiles), or, where the browser cannot texture classifications (no WEBGL_depth_texture), a `plane` above it.
 */
export type OwnerRoofDrape = 'draped' | 'plane';

export interface OwnerThermographyState {
  ownerThermography: {
    document: OwnerDocument | undefined;
    /** Set by the viewer once the roof image is in the scene; undefined while not shown. */
    roofDrape: OwnerRoofDrape | undefined;
  };
}

export interface OwnerThermographyActions {
  /** The owner's document after a login (undefined on logout or an expired session). */
  setOwnerDocument(document: OwnerDocument | undefined): void;
  reportOwnerRoofDrape(drape: OwnerRoofDrape | undefined): void;
}

type SetState = (partial: (state: OwnerThermographyState) => Partial<OwnerThermographyState>) => void;

export const INITIAL_OWNER_THERMOGRAPHY_STATE: OwnerThermographyState = {
  ownerThermography: { document: undefined, roofDrape: undefined },
};

export function createOwnerThermographyActions(set: SetState): OwnerThermographyActions {
  return {
    setOwnerDocument(document) {
      set(() => ({ ownerThermography: { document, roofDrape: undefined } }));
    },
    reportOwnerRoofDrape(roofDrape) {
      set((state) => ({ ownerThermography: { ...state.ownerThermography, roofDrape } }));
    },
  };
}
