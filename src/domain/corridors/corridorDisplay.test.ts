import { describe, expect, it } from 'vitest';
import {
  corridorDisplayBand,
  displayHeightMeters,
  findingCameraPose,
  groundPointInViewCentre,
  MUENSTER_GEOID_UNDULATION_METERS,
  UNLIMITED_ZONE_DRAW_HEIGHT_METERS,
  zoneDisplay,
} from './corridorDisplay';
import type { RestrictionZone } from './corridorScene';
import { MUENSTER_GROUND_HEIGHT_METERS } from './heightLimits';

const zone = (upperLimit: RestrictionZone['upperLimit']): RestrictionZone => ({
  id: 'z',
  name: { de: 'Zone' },
  category: 'other',
  geometry: { type: 'circle', centre: [7.6, 51.95], radiusMeters: 100 },
  lowerLimit: { reference: 'AGL', heightMeters: 0 },
  upperLimit,
  severity: 'warning',
  legalBasis: 'test',
  requirement: { de: 'test' },
  accuracyMeters: 1,
  source: 'test',
  licence: 'test',
});

describe('drawing heights', () => {
  it('offline, an AGL height is drawn at that height over the ellipsoid and an MSL height minus the ground', () => {
    const band = corridorDisplayBand(
      { floor: { reference: 'AGL', heightMeters: 40 }, ceiling: { reference: 'MSL', heightMeters: 160 } },
      'ellipsoid',
    );
    expect(band).toEqual({ bottomMeters: 40, topMeters: 160 - MUENSTER_GROUND_HEIGHT_METERS });
  });

  it('over terrain, heights become ellipsoid heights (MSL + geoid undulation)', () => {
    expect(displayHeightMeters(100, 'terrain')).toBe(100 + MUENSTER_GEOID_UNDULATION_METERS);
  });

  it('a zone up to 2500 ft MSL reaches 762 m MSL; an unlimited one is drawn to a fixed height with its label', () => {
    const controlZone = zoneDisplay(
      zone({ reference: 'MSL', heightMeters: 762, label: '2500ft MSL' }),
      'ellipsoid',
    );
    expect(controlZone.bottomMeters).toBe(0);
    expect(controlZone.topMeters).toBe(762 - MUENSTER_GROUND_HEIGHT_METERS);
    expect(controlZone.limitsText).toBe('GND – 2500ft MSL');
    const unlimited = zoneDisplay(zone({ reference: 'UNL' }), 'ellipsoid');
    expect(unlimited.topMeters).toBe(UNLIMITED_ZONE_DRAW_HEIGHT_METERS);
    expect(unlimited.limitsText).toBe('GND – UNL');
    expect(unlimited.labelPosition.longitudeDegrees).toBeCloseTo(7.6, 5);
  });

  it('the camera for a finding looks at it from the south, above it', () => {
    const pose = findingCameraPose(
      { longitudeDegrees: 7.6, latitudeDegrees: 51.95, heightMeters: 110 },
      'ellipsoid',
    );
    expect(pose.latitudeDegrees).toBeLessThan(51.95);
    expect(pose.longitudeDegrees).toBeCloseTo(7.6, 9);
    expect(pose.heightMeters).toBeGreaterThan(50);
  });

  it('the centre of the view of a camera looking north 45° down from 500 m is 500 m north of it', () => {
    const [longitude, latitude] = groundPointInViewCentre({
      longitudeDegrees: 7.6,
      latitudeDegrees: 51.95,
      heightMeters: 500,
      headingDegrees: 0,
      pitchDegrees: -45,
    });
    expect(longitude).toBeCloseTo(7.6, 9);
    expect((latitude - 51.95) * 111_320).toBeCloseTo(500, 0);
  });
});
