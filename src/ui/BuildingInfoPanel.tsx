import { useTranslation } from 'react-i18next';
import type { BuildingPropertyValues } from '../store/createTwinStore';
import { useTwinStore } from '../store/StoreContext';

type Row = { labelKey: string; value: string };

/** Turns raw property values into labelled rows; codes shown with their German label where the tileset has one. */
function describeBuilding(
  properties: BuildingPropertyValues,
  formatMeters: (value: number) => string,
  lodLabel: (level: number) => string,
): Row[] {
  const text = (name: string) => {
    const value = properties[name];
    return value === undefined || value === '' ? undefined : String(value);
  };
  const number = (name: string) =>
    typeof properties[name] === 'number' ? (properties[name] as number) : undefined;
  const withCode = (label: string | undefined, code: string | undefined) =>
    label && code ? `${label} (${code})` : (label ?? code);
  const rows: [string, string | undefined][] = [
    ['buildings.info.address', text('address')],
    ['buildings.info.function', withCode(text('functionLabel'), text('functionCode'))],
    ['buildings.info.roofType', withCode(text('roofTypeLabel'), text('roofTypeCode'))],
    [
      'buildings.info.measuredHeight',
      number('measuredHeight') === undefined ? undefined : formatMeters(number('measuredHeight')!),
    ],
    [
      'buildings.info.storeys',
      number('storeysAboveGround') === undefined ? undefined : String(number('storeysAboveGround')),
    ],
    [
      'buildings.info.groundHeight',
      number('groundHeight') === undefined ? undefined : formatMeters(number('groundHeight')!),
    ],
    [
      'buildings.info.levelOfDetail',
      number('levelOfDetail') === undefined ? undefined : lodLabel(number('levelOfDetail')!),
    ],
    ['buildings.info.sourceId', text('sourceId')],
    ['buildings.info.sourceFile', text('sourceFile')],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([labelKey, value]) => ({ labelKey, value }));
}

/** The attributes of the selected building, with German labels and units. */
export function BuildingInfoPanel() {
  const { t, i18n } = useTranslation();
  const selectedBuildingId = useTwinStore((state) => state.view.selectedBuildingId);
  const properties = useTwinStore((state) => state.selectedBuildingProperties);
  const selectBuilding = useTwinStore((state) => state.selectBuilding);
  const hideBuilding = useTwinStore((state) => state.hideBuilding);
  if (selectedBuildingId === undefined) return null;
  const formatMeters = (value: number) =>
    t('buildings.info.meters', { value: value.toLocaleString(i18n.language, { maximumFractionDigits: 1 }) });
  const lodLabel = (level: number) => t(level === 1 ? 'buildings.info.lod1' : 'buildings.info.lod2');
  return (
    <section className="building-info" aria-labelledby="building-info-title">
      <header>
        <h2 id="building-info-title">{t('buildings.info.heading')}</h2>
        <button
          type="button"
          onClick={() => selectBuilding(undefined)}
          aria-label={t('buildings.info.close')}
        >
          ×
        </button>
      </header>
      {properties ? (
        <dl>
          {describeBuilding(properties, formatMeters, lodLabel).map((row) => (
            <div key={row.labelKey}>
              <dt>{t(row.labelKey)}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p role="status">{t('buildings.info.loading')}</p>
      )}
      <button type="button" className="text-button" onClick={() => hideBuilding(selectedBuildingId)}>
        {t('buildings.info.hide')}
      </button>
    </section>
  );
}
