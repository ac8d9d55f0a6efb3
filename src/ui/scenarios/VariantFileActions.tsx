import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { writeVariantGeoJson } from '../../domain/scenarios/variantGeoJson';
import { importVariantFromGeoJson } from '../../domain/scenarios/variantGeoJsonImport';
import type { ScenarioDocument, ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { formatIssue } from '../../domain/validation/issues';
import { useTwinStore } from '../../store/StoreContext';

/** How many problems of a refused import are listed (the first ones name the fix; the rest are counted). */
const LISTED_IMPORT_PROBLEMS = 5;

/** Starts a download of text as a file (a link to a blob, clicked and released). */
function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Export the shown variant as GeoJSON (WGS84, for QGIS and other GIS tools) and import one back: a broken file
 * is refused with the feature and field of each problem, and the variant shown stays as it was.
 */
export function VariantFileActions({
  scenario,
  variant,
}: {
  scenario: ScenarioDocument;
  variant: ScenarioVariant;
}) {
  const { t } = useTranslation();
  const id = useId();
  const replaceEditedVariant = useTwinStore((state) => state.replaceEditedVariant);
  const [message, setMessage] = useState<{ kind: 'ok' | 'problem'; lines: string[] } | undefined>();
  const exportVariant = () =>
    downloadText(
      writeVariantGeoJson(scenario, variant),
      `${scenario.id}-${variant.id}.geojson`,
      'application/geo+json',
    );
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const result = importVariantFromGeoJson(await file.text(), file.name);
    input.value = '';
    if (!result.value) {
      const lines = result.issues.slice(0, LISTED_IMPORT_PROBLEMS).map(formatIssue);
      const more = result.issues.length - lines.length;
      if (more > 0) lines.push(t('scenarioEdit.importMore', { count: more }));
      setMessage({
        kind: 'problem',
        lines: [t('scenarioEdit.importRefused', { file: file.name }), ...lines],
      });
      return;
    }
    replaceEditedVariant(result.value);
    setMessage({
      kind: 'ok',
      lines: [t('scenarioEdit.imported', { file: file.name, count: result.value.massings.length })],
    });
  };
  return (
    <div className="variant-files">
      <button type="button" className="touch-button" onClick={exportVariant}>
        {t('scenarioEdit.exportGeoJson')}
      </button>
      <label htmlFor={`${id}-import`} className="touch-button file-button">
        {t('scenarioEdit.importGeoJson')}
      </label>
      <input
        id={`${id}-import`}
        className="visually-hidden"
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        onChange={(event) => void importFile(event)}
      />
      {message && (
        <div
          role={message.kind === 'problem' ? 'alert' : 'status'}
          className={message.kind === 'problem' ? 'edit-problem' : 'note'}
        >
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
