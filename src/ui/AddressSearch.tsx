import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchBuildings, type BuildingSearchEntry } from '../domain/buildings/searchIndex';
import { cameraLookingAt } from '../domain/view/cameraLookAt';
import { useTwinStore } from '../store/StoreContext';

/** How far from a found building the camera stops, in metres: close enough to see its roof and its street. */
const BUILDING_VIEW_RANGE_METERS = 220;

/**
 * Street-and-number search over the tileset's address index, as an ARIA 1.2 combobox: type, pick with the arrow
 * keys and Enter (or a tap), and the camera flies to the building and selects it.
 */
export function AddressSearch() {
  const { t } = useTranslation();
  const listId = useId();
  const entries = useTwinStore((state) => state.searchEntries);
  const selectBuilding = useTwinStore((state) => state.selectBuilding);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const results = useMemo(
    () => (entries && query.trim() ? searchBuildings(entries, query) : []),
    [entries, query],
  );

  const choose = (entry: BuildingSearchEntry) => {
    setQuery(entry.address);
    setOpen(false);
    selectBuilding(entry.buildingId);
    requestCamera(
      cameraLookingAt(
        { ...entry, heightMeters: entry.topHeightMeters },
        { rangeMeters: BUILDING_VIEW_RANGE_METERS, pitchDegrees: -40 },
      ),
    );
  };
  const expanded = open && query.trim().length > 0;
  return (
    <div className="address-search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('buildings.search.label')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={
          expanded && results[activeIndex] ? `${listId}-option-${activeIndex}` : undefined
        }
        placeholder={t('buildings.search.placeholder')}
        disabled={!entries}
        title={entries ? undefined : t('buildings.search.unavailable')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
          setOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActiveIndex((index) => Math.min(index + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActiveIndex((index) => Math.max(index - 1, 0));
          else if (event.key === 'Escape') setOpen(false);
          else if (event.key === 'Enter' && results[activeIndex]) choose(results[activeIndex]);
          else return;
          event.preventDefault();
        }}
      />
      {expanded && (
        <div
          id={`${listId}-list`}
          role="listbox"
          aria-label={t('buildings.search.label')}
          className="search-results"
        >
          {results.length === 0 && <div className="no-results">{t('buildings.search.noResults')}</div>}
          {results.map((entry, index) => (
            <div
              key={`${entry.buildingId}-${entry.address}`}
              id={`${listId}-option-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(entry)}
              onKeyDown={(event) => event.key === 'Enter' && choose(entry)}
            >
              {entry.address}
            </div>
          ))}
        </div>
      )}
      <span className="visually-hidden" role="status">
        {expanded && results.length > 0 ? t('buildings.search.results', { count: results.length }) : ''}
      </span>
    </div>
  );
}
