/**
 * The reader's state machine over the scanner's events. Each open element gets a role (elementRoles.ts); the handler
 * keeps the srsName in force, the Building/BuildingPart being read and the polygon being read, and queues each
 * finished building for the generator to yield.
 */
import type { BuildingAddress, BuildingIssue, BuildingSource } from '../buildingModel';
import { assembleBuilding } from './assembleBuilding';
import { addAddress, createBuildingDraft, createOwnerDraft } from './buildingDraft';
import type { BuildingDraft, GeometryOwnerDraft } from './buildingDraft';
import { boundarySurfaceKindOf, GML_NAMESPACE, XLINK_NAMESPACE } from './cityGmlNamespaces';
import type { BoundarySurfaceKind } from './cityGmlNamespaces';
import { Role, roleOfElement } from './elementRoles';
import { PolygonReader } from './polygonReader';
import { isSupportedSrsName } from './supportedCrs';
import { detachedString, type XmlAttributes, type XmlName, type XmlScanHandler } from './xmlScanner';

const ADDRESS_FIELD_BY_LOCAL_NAME: Readonly<Record<string, keyof BuildingAddress>> = {
  ThoroughfareName: 'street',
  ThoroughfareNumber: 'houseNumber',
  PostalCodeNumber: 'postalCode',
  LocalityName: 'locality',
};

/** Receives the scanner's events of one file. */
export class CityGmlSaxHandler implements XmlScanHandler {
  /** Buildings finished since the generator last drained the queue. */
  readonly finishedBuildings: BuildingSource[] = [];

  private depth = 0;
  /** Depth of the element whose subtree is being skipped, or -1. */
  private skipDepth = -1;
  private readonly roles: Role[] = [Role.Outside];
  /** srsName in force, innermost last, each with the depth of the element it belongs to. */
  private readonly srsNames: string[] = [];
  private readonly srsNameDepths: number[] = [];
  private readonly srsDimensions: number[] = [];
  private readonly srsDimensionDepths: number[] = [];

  private buildingCount = 0;
  private building: BuildingDraft | undefined;
  /** The Building and the BuildingParts around the current element, innermost last. */
  private readonly owners: GeometryOwnerDraft[] = [];
  private boundaryKind: BoundarySurfaceKind = 'wall';
  /** The boundary surface kind of the geometry being read, or undefined inside a solid / multi-surface. */
  private geometryKind: BoundarySurfaceKind | undefined;
  private readonly polygonReader = new PolygonReader((code, message) => this.warn(code, message));
  /** Whether the text of the current element is read (the scanner skips all other text). */
  capturing = false;
  private capturedText = '';
  private capturedLocalName = '';
  private address: BuildingAddress = {};

  constructor(
    private readonly sourceFile: string,
    private readonly report: (issue: BuildingIssue) => void,
  ) {}

  /** The featureId of the building being read, for an error that interrupts it. */
  get currentFeatureId(): string | undefined {
    return this.building?.featureId;
  }

  /** Text, kept only inside the few elements whose text we read. */
  onText(text: string): void {
    if (this.capturing) this.capturedText += text;
  }

  onOpenTag(name: XmlName, attributes: XmlAttributes): void {
    const depth = ++this.depth;
    if (this.skipDepth >= 0) return;
    const parent = this.roles[depth - 1]!;
    const inGeometry = parent === Role.GeometryProperty || parent === Role.GeometryContainer;
    const reference = inGeometry ? attributes.valueByNamespace(XLINK_NAMESPACE, 'href') : undefined;
    const role = roleOfElement(parent, name.uri, name.local, reference !== undefined);
    if (role === undefined || role === Role.Reference || role === Role.Coordinates) {
      // Nothing below these is read: a reference is all there is, GML 2 coordinates are not supported.
      if (role === Role.Reference) this.recordReference(reference!);
      else if (role === Role.Coordinates)
        this.polygonReader.rejectRing('unsupported-geometry', 'uses gml:coordinates');
      this.skipDepth = depth;
      return;
    }
    this.roles[depth] = role;
    const srsName = attributes.value('srsName');
    if (srsName !== undefined) {
      // An Envelope's srsName is that of the feature owning its gml:boundedBy, two levels up.
      const isEnvelope = name.local === 'Envelope' && name.uri === GML_NAMESPACE;
      this.srsNames.push(srsName);
      this.srsNameDepths.push(isEnvelope ? depth - 2 : depth);
    }
    const srsDimension = attributes.value('srsDimension');
    if (srsDimension !== undefined) {
      this.srsDimensions.push(Number(srsDimension));
      this.srsDimensionDepths.push(depth);
    }
    this.enter(role, parent, name, attributes);
  }

  onCloseTag(): void {
    const depth = this.depth--;
    if (this.skipDepth >= 0) {
      if (depth === this.skipDepth) this.skipDepth = -1;
      return;
    }
    this.leave(this.roles[depth]!, this.roles[depth - 1]!);
    const srsNameDepths = this.srsNameDepths;
    while (srsNameDepths.length > 0 && srsNameDepths[srsNameDepths.length - 1]! >= depth) {
      srsNameDepths.pop();
      this.srsNames.pop();
    }
    // Length checked first: reading before an array's start is a slow property lookup in V8.
    const dimensionCount = this.srsDimensionDepths.length;
    if (dimensionCount > 0 && this.srsDimensionDepths[dimensionCount - 1] === depth) {
      this.srsDimensionDepths.pop();
      this.srsDimensions.pop();
    }
  }

  private enter(role: Role, parent: Role, name: XmlName, attributes: XmlAttributes): void {
    switch (role) {
      case Role.Owner:
        this.startOwner(detachedString(attributes.valueByNamespace(GML_NAMESPACE, 'id')));
        break;
      case Role.BoundarySurface:
        this.boundaryKind = boundarySurfaceKindOf(name.local)!;
        break;
      case Role.GeometryProperty:
        this.geometryKind = parent === Role.BoundarySurface ? this.boundaryKind : undefined;
        break;
      case Role.Polygon:
        this.polygonReader.startPolygon(attributes.valueByNamespace(GML_NAMESPACE, 'id'));
        break;
      case Role.Exterior:
      case Role.Interior:
        this.polygonReader.startRing(role === Role.Exterior);
        break;
      case Role.AddressProperty:
        this.address = {};
        break;
      case Role.AttributeValue:
      case Role.AddressField:
      case Role.PosList:
      case Role.Pos:
        this.capturing = true;
        this.capturedText = '';
        this.capturedLocalName = name.local;
        break;
      default:
        break;
    }
  }

  private leave(role: Role, parent: Role): void {
    switch (role) {
      case Role.Owner:
        this.finishOwner();
        break;
      case Role.AttributeValue:
        this.setOwnerAttribute(this.capturedLocalName, detachedString(this.takeCapturedText().trim()));
        break;
      case Role.PosList:
        this.polygonReader.addPositionList(this.takeCapturedText(), this.currentSrsDimension());
        break;
      case Role.Pos:
        this.polygonReader.addPosition(this.takeCapturedText());
        break;
      case Role.LinearRing:
        this.checkSrsName();
        this.polygonReader.finishRing();
        break;
      case Role.Polygon:
        this.finishPolygon();
        break;
      case Role.AddressField:
        this.setAddressField(this.capturedLocalName, detachedString(this.takeCapturedText().trim()));
        break;
      case Role.AddressProperty:
        if (parent === Role.Owner) addAddress(this.building!, this.address);
        break;
      default:
        break;
    }
  }

  private startOwner(gmlId: string | undefined): void {
    if (this.building === undefined) {
      this.building = createBuildingDraft(gmlId, this.buildingCount, this.sourceFile);
      this.buildingCount += 1;
      this.owners.length = 0;
      this.owners.push(this.building.owners[0]!);
    } else {
      const part = createOwnerDraft(gmlId);
      this.building.owners.push(part);
      this.owners.push(part);
    }
  }

  private finishOwner(): void {
    this.owners.pop();
    if (this.owners.length > 0 || this.building === undefined) return;
    const assembled = assembleBuilding(this.building, { sourceFile: this.sourceFile, report: this.report });
    if (assembled !== undefined) this.finishedBuildings.push(assembled);
    this.building = undefined;
  }

  private currentOwner(): GeometryOwnerDraft {
    return this.owners[this.owners.length - 1]!;
  }

  private setOwnerAttribute(localName: string, text: string): void {
    const owner = this.currentOwner();
    if (text === '') return;
    switch (localName) {
      case 'function':
        owner.functionCode ??= text;
        break;
      case 'roofType':
        owner.roofTypeCode ??= text;
        break;
      case 'measuredHeight': {
        const meters = Number(text);
        if (Number.isFinite(meters)) owner.measuredHeightMeters ??= meters;
        else this.warn('invalid-measured-height', `bldg:measuredHeight "${text}" is not a number; ignored.`);
        break;
      }
      default: {
        const storeys = Number(text);
        if (Number.isInteger(storeys) && storeys >= 0) owner.storeysAboveGround ??= storeys;
        else
          this.warn('invalid-storeys', `bldg:storeysAboveGround "${text}" is not a whole number; ignored.`);
      }
    }
  }

  private setAddressField(localName: string, text: string): void {
    const field = ADDRESS_FIELD_BY_LOCAL_NAME[localName]!;
    // The first of each: xAL also nests a DependentLocality's name below the town's.
    if (text !== '' && this.address[field] === undefined) this.address[field] = text;
  }

  private recordReference(href: string): void {
    if (this.building === undefined) return;
    const polygonId = href.startsWith('#') ? href.slice(1) : href;
    const owner = this.currentOwner();
    if (this.geometryKind === undefined) owner.solidReferences.push(polygonId);
    else owner.boundaryReferences.push({ kind: this.geometryKind, polygonId });
  }

  private finishPolygon(): void {
    const polygon = this.polygonReader.finishPolygon();
    if (polygon === undefined || this.building === undefined) return;
    if (polygon.id !== undefined) this.building.polygonsById.set(polygon.id, polygon);
    const owner = this.currentOwner();
    if (this.geometryKind === undefined) owner.solidPolygons.push(polygon);
    else owner.boundaryPolygons.push({ kind: this.geometryKind, polygon });
  }

  /** Records a ring's CRS problem on the building; the assembly then skips it with one error. */
  private checkSrsName(): void {
    const building = this.building!;
    const srsName = this.srsNames[this.srsNames.length - 1];
    if (srsName === undefined) building.lacksSrsName = true;
    else if (!isSupportedSrsName(srsName)) building.unsupportedSrsName ??= srsName;
  }

  private currentSrsDimension(): number {
    const dimensions = this.srsDimensions;
    return dimensions.length > 0 ? dimensions[dimensions.length - 1]! : 3;
  }

  private takeCapturedText(): string {
    const text = this.capturedText;
    this.capturing = false;
    this.capturedText = '';
    return text;
  }

  private warn(code: string, message: string): void {
    this.report({
      severity: 'warning',
      code,
      file: this.sourceFile,
      featureId: this.building?.featureId,
      message,
    });
  }
}
