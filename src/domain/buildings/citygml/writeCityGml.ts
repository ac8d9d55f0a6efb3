/**
 * Writes LoD2 buildings as CityGML 2.0 in the shape NRW ships (AdV profile): one `core:CityModel` per 1 km tile,
 * each `bldg:Building` with gml:id, creation date, external reference, generic attributes, function, roof type,
 * measured height, an `lod2Solid` of xlinks to the polygons of its Wall/Roof/GroundSurfaces, its terrain
 * intersection and its address. Text only, in pieces (header, one building at a time, footer), so a caller can
 * stream a file of any size; used for synthetic benchmark cities and round-trip tests of the reader.
 */
import type { BuildingAddress, Point3 } from '../buildingModel';

/** The srsName of the 2026 NRW tiles: EPSG:25832 with DHHN2016 heights. */
export const ADV_SRS_NAME = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH';

/** The boundary surfaces the writer knows, by their CityGML element name. */
export type WrittenSurfaceKind = 'wall' | 'roof' | 'ground';

/** One polygon: exterior ring and holes, each without repeating its first point (the writer closes them). */
export interface WrittenPolygon {
  exterior: readonly Point3[];
  holes?: readonly (readonly Point3[])[];
}

/** One `bldg:WallSurface`, `RoofSurface` or `GroundSurface` with its polygons. */
export interface WrittenBoundarySurface {
  kind: WrittenSurfaceKind;
  polygons: readonly WrittenPolygon[];
}

/** What the writer writes of one building. */
export interface WrittenBuilding {
  /** gml:id; must be an XML NCName (as NRW's `DENW…` ids are). */
  id: string;
  functionCode?: string;
  roofTypeCode?: string;
  measuredHeightMeters?: number;
  storeysAboveGround?: number;
  address?: BuildingAddress;
  /** `core:creationDate`, YYYY-MM-DD. */
  creationDate: string;
  /** Where the building meets the terrain (`bldg:lod2TerrainIntersection`, written closed); omitted when absent. */
  terrainIntersection?: readonly Point3[];
  boundarySurfaces: readonly WrittenBoundarySurface[];
}

/** The tile's extent in EPSG:25832 metres + DHHN2016 heights. */
export interface CityGmlEnvelope {
  lower: Point3;
  upper: Point3;
}

const SURFACE_ELEMENT: Record<WrittenSurfaceKind, string> = {
  wall: 'WallSurface',
  roof: 'RoofSurface',
  ground: 'GroundSurface',
};

const NAMESPACES = [
  'xmlns:core="http://www.opengis.net/citygml/2.0"',
  'xmlns:bldg="http://www.opengis.net/citygml/building/2.0"',
  'xmlns:gen="http://www.opengis.net/citygml/generics/2.0"',
  'xmlns:gml="http://www.opengis.net/gml"',
  'xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

const SCHEMA_LOCATION =
  'http://www.opengis.net/citygml/building/2.0 http://schemas.opengis.net/citygml/building/2.0/building.xsd ' +
  'http://www.opengis.net/citygml/generics/2.0 http://schemas.opengis.net/citygml/generics/2.0/generics.xsd';

/** A number as NRW writes it: at most millimetres, no trailing zeros. */
function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function formatPoint(point: Point3): string {
  return `${formatNumber(point[0])} ${formatNumber(point[1])} ${formatNumber(point[2])}`;
}

/** A ring's posList text, closed by repeating the first point as GML requires. */
function formatRing(ring: readonly Point3[]): string {
  const parts = ring.map(formatPoint);
  if (ring.length > 0) parts.push(formatPoint(ring[0]!));
  return parts.join(' ');
}

/** Escapes text and attribute values (quotes included, so one function serves both). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The XML declaration, the CityModel start tag, the tile's name and envelope. */
export function cityGmlHeader(name: string, envelope: CityGmlEnvelope, srsName = ADV_SRS_NAME): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<core:CityModel ${NAMESPACES} xsi:schemaLocation="${SCHEMA_LOCATION}">\n` +
    `  <gml:name>${escapeXml(name)}</gml:name>\n` +
    '  <gml:boundedBy>\n' +
    `    <gml:Envelope srsName="${escapeXml(srsName)}" srsDimension="3">\n` +
    `      <gml:lowerCorner>${formatPoint(envelope.lower)}</gml:lowerCorner>\n` +
    `      <gml:upperCorner>${formatPoint(envelope.upper)}</gml:upperCorner>\n` +
    '    </gml:Envelope>\n' +
    '  </gml:boundedBy>\n'
  );
}

/** The end of the CityModel. */
export function cityGmlFooter(): string {
  return '</core:CityModel>\n';
}

function stringAttribute(name: string, value: string): string {
  return (
    `      <gen:stringAttribute name="${name}">\n` +
    `        <gen:value>${escapeXml(value)}</gen:value>\n` +
    '      </gen:stringAttribute>\n'
  );
}

function optionalElement(name: string, value: string | number | undefined, attributes = ''): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value) : escapeXml(value);
  return `      <bldg:${name}${attributes}>${text}</bldg:${name}>\n`;
}

function polygonXml(polygon: WrittenPolygon, polygonId: string, indent: string): string {
  const ring = (element: 'exterior' | 'interior', points: readonly Point3[], index: number) =>
    `${indent}  <gml:${element}>\n` +
    `${indent}    <gml:LinearRing gml:id="${polygonId}_${index}_">\n` +
    `${indent}      <gml:posList srsDimension="3">${formatRing(points)}</gml:posList>\n` +
    `${indent}    </gml:LinearRing>\n` +
    `${indent}  </gml:${element}>\n`;
  const holes = polygon.holes ?? [];
  return (
    `${indent}<gml:Polygon gml:id="${polygonId}">\n` +
    ring('exterior', polygon.exterior, 0) +
    holes.map((hole, index) => ring('interior', hole, index + 1)).join('') +
    `${indent}</gml:Polygon>\n`
  );
}

function boundarySurfaceXml(
  surface: WrittenBoundarySurface,
  surfaceId: string,
  polygonIds: string[],
): string {
  const element = SURFACE_ELEMENT[surface.kind];
  const members = surface.polygons
    .map(
      (polygon, index) =>
        '              <gml:surfaceMember>\n' +
        polygonXml(polygon, polygonIds[index]!, '                ') +
        '              </gml:surfaceMember>\n',
    )
    .join('');
  return (
    '      <bldg:boundedBy>\n' +
    `        <bldg:${element} gml:id="${surfaceId}">\n` +
    '          <bldg:lod2MultiSurface>\n' +
    `            <gml:MultiSurface gml:id="${surfaceId}_MS">\n` +
    members +
    '            </gml:MultiSurface>\n' +
    '          </bldg:lod2MultiSurface>\n' +
    `        </bldg:${element}>\n` +
    '      </bldg:boundedBy>\n'
  );
}

function addressXml(address: BuildingAddress): string {
  const field = (name: string, value: string | undefined, indent: string) =>
    value === undefined ? '' : `${indent}<xAL:${name}>${escapeXml(value)}</xAL:${name}>\n`;
  const indent = '                    ';
  return (
    '      <bldg:address>\n' +
    '        <core:Address>\n' +
    '          <core:xalAddress>\n' +
    '            <xAL:AddressDetails>\n' +
    '              <xAL:Country>\n' +
    '                <xAL:CountryName>Germany</xAL:CountryName>\n' +
    '                <xAL:Locality Type="Town">\n' +
    field('LocalityName', address.locality, '                  ') +
    '                  <xAL:Thoroughfare Type="Street">\n' +
    field('ThoroughfareNumber', address.houseNumber, indent) +
    field('ThoroughfareName', address.street, indent) +
    '                  </xAL:Thoroughfare>\n' +
    (address.postalCode === undefined
      ? ''
      : '                  <xAL:PostalCode>\n' +
        field('PostalCodeNumber', address.postalCode, indent) +
        '                  </xAL:PostalCode>\n') +
    '                </xAL:Locality>\n' +
    '              </xAL:Country>\n' +
    '            </xAL:AddressDetails>\n' +
    '          </core:xalAddress>\n' +
    '        </core:Address>\n' +
    '      </bldg:address>\n'
  );
}

/** One `core:cityObjectMember` holding the building. */
export function cityGmlBuilding(building: WrittenBuilding): string {
  const { id } = building;
  const polygonIds = building.boundarySurfaces.map((surface, surfaceIndex) =>
    surface.polygons.map((_, polygonIndex) => `${id}_P${surfaceIndex + 1}_${polygonIndex + 1}`),
  );
  const solidMembers = polygonIds
    .flat()
    .map((polygonId) => `              <gml:surfaceMember xlink:href="#${polygonId}"/>\n`)
    .join('');
  const terrain = building.terrainIntersection
    ? '      <bldg:lod2TerrainIntersection>\n' +
      '        <gml:MultiCurve>\n' +
      '          <gml:curveMember>\n' +
      '            <gml:LineString>\n' +
      `              <gml:posList srsDimension="3">${formatRing(building.terrainIntersection)}</gml:posList>\n` +
      '            </gml:LineString>\n' +
      '          </gml:curveMember>\n' +
      '        </gml:MultiCurve>\n' +
      '      </bldg:lod2TerrainIntersection>\n'
    : '';
  return (
    '  <core:cityObjectMember>\n' +
    `    <bldg:Building gml:id="${id}">\n` +
    `      <core:creationDate>${building.creationDate}</core:creationDate>\n` +
    '      <core:externalReference>\n' +
    '        <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/fdv/art.htm#_9100</core:informationSystem>\n' +
    '        <core:externalObject>\n' +
    `          <core:name>${id}</core:name>\n` +
    '        </core:externalObject>\n' +
    '      </core:externalReference>\n' +
    stringAttribute('Gemeindeschluessel', '05515000') +
    stringAttribute('DatenquelleDachhoehe', '1000') +
    stringAttribute('Geometrietyp2DReferenz', '3000') +
    stringAttribute('DatenquelleLage', '1000') +
    stringAttribute('DatenquelleBodenhoehe', '1100') +
    stringAttribute('Grundrissaktualitaet', building.creationDate) +
    optionalElement('function', building.functionCode) +
    optionalElement('roofType', building.roofTypeCode) +
    optionalElement('measuredHeight', building.measuredHeightMeters, ' uom="urn:adv:uom:m"') +
    optionalElement('storeysAboveGround', building.storeysAboveGround) +
    '      <bldg:lod2Solid>\n' +
    '        <gml:Solid>\n' +
    '          <gml:exterior>\n' +
    '            <gml:CompositeSurface>\n' +
    solidMembers +
    '            </gml:CompositeSurface>\n' +
    '          </gml:exterior>\n' +
    '        </gml:Solid>\n' +
    '      </bldg:lod2Solid>\n' +
    terrain +
    building.boundarySurfaces
      .map((surface, index) => boundarySurfaceXml(surface, `${id}_S${index + 1}`, polygonIds[index]!))
      .join('') +
    (building.address ? addressXml(building.address) : '') +
    '    </bldg:Building>\n' +
    '  </core:cityObjectMember>\n'
  );
}
