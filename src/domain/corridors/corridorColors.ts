/**
 * Colours of corridors by their check status and of restriction zones by severity: one list for the 3D layer and
 * every legend, so they cannot disagree. The panel adds sign and word beside each (colour is never the only cue).
 */
export const CORRIDOR_STATUS_COLORS = {
  clear: '#1a9850',
  warning: '#f39c12',
  conflict: '#d7301f',
  info: '#2c7fb8',
  unchecked: '#7f7f7f',
} as const;

export const RESTRICTION_ZONE_COLORS = {
  conflict: '#b2182b',
  warning: '#8073ac',
} as const;
