import type { TFunction } from 'i18next';
import { localize } from '../../domain/scenes/sceneDocument';
import type { ViewImageContent } from '../../domain/viewImage/viewImageLayout';
import { legendsOfView, type TranslatableText } from '../../domain/viewImage/viewLegends';
import type { TwinActions, TwinState } from '../../store/createTwinStore';

type State = TwinState & TwinActions;

/** Translates a legend's text: a key with parameters (translated in turn), or a text given in both languages. */
export function translateText(text: TranslatableText, t: TFunction, language: string): string {
  if (!('key' in text)) return language === 'en' ? text.en : text.de;
  const params = Object.fromEntries(
    Object.entries(text.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? translateText(value, t, language) : value,
    ]),
  );
  return t(text.key, params);
}

/** The title of the image: the storyboard step shown, else the quarter and variant open, else the app's name. */
function titleOf(state: State, t: TFunction): string {
  const { view } = state;
  const language = view.language;
  const storyboard = state.storyboards.find((entry) => entry.storyboard.id === view.storyboardId)?.storyboard;
  const stepIndex = view.storyboardStepIndex ?? 0;
  const step = storyboard?.steps[stepIndex];
  if (storyboard && step) {
    return t('viewImage.stepTitle', {
      storyboard: localize(storyboard.title, language),
      step: stepIndex + 1,
      title: localize(step.title, language),
    });
  }
  const scenario = state.scenarios.find((candidate) => candidate.id === view.scenarioId);
  const variant = scenario?.variants.find((candidate) => candidate.id === view.variantId);
  if (scenario && variant) {
    return t('viewImage.variantTitle', {
      scenario: localize(scenario.title, language),
      variant: localize(variant.title, language),
    });
  }
  if (scenario) return localize(scenario.title, language);
  return `${t('app.title')}: ${t('app.subtitle')}`;
}

/** Where what the image shows comes from, with licences: the base map, terrain and each visible layer's data. */
function sourcesOf(state: State, t: TFunction): string[] {
  const { view, config } = state;
  const visible = (layerId: string) => (view.visibleLayerIds as readonly string[]).includes(layerId);
  const sources: string[] = [];
  const baseLayer = config.baseLayers.find((layer) => layer.id === view.baseLayerId);
  sources.push(
    baseLayer
      ? t('info.configuredLayer', { name: baseLayer.name, attribution: baseLayer.attribution })
      : t('info.naturalEarth'),
  );
  if (config.terrain) sources.push(config.terrain.attribution);
  if (visible('buildings') && state.buildingsStatus.state === 'ready' && state.buildingsStatus.attribution)
    sources.push(state.buildingsStatus.attribution);
  if (visible('places')) {
    for (const place of state.overviewScene?.places ?? []) {
      sources.push(`${localize(place.name, view.language)}: ${place.source}. ${place.licence}`);
    }
  }
  if (
    visible('heat-loss') &&
    state.heatLossOverlay.state === 'ready' &&
    state.heatLossOverlay.legend.attribution
  )
    sources.push(state.heatLossOverlay.legend.attribution);
  if (visible('sensors')) {
    for (const sensor of state.sensorCatalogue) sources.push(`${sensor.attribution} (${sensor.licence})`);
  }
  if (visible('corridors')) {
    for (const zone of state.restrictionZones) sources.push(`${zone.source} (${zone.licence})`);
  }
  const scenario = state.scenarios.find((candidate) => candidate.id === view.scenarioId);
  if (scenario) sources.push(`${scenario.site.source}. ${scenario.site.licence}`);
  sources.push(t('info.cesium'));
  return [...new Set(sources)];
}

/** Everything the exported image says, translated into the view's language. */
export function viewImageContent(
  state: State,
  t: TFunction,
  exportedAt: Date,
  link: string,
): ViewImageContent {
  const language = state.view.language;
  const dateFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  const subtitleLines = [t('viewImage.exportedAt', { date: dateFormat.format(exportedAt) })];
  const sunTime = state.view.sunTime ? new Date(state.view.sunTime) : undefined;
  if (sunTime && !Number.isNaN(sunTime.getTime())) {
    subtitleLines.push(t('viewImage.sunTime', { date: dateFormat.format(sunTime) }));
  }
  const heatLoss = state.heatLossOverlay;
  const legends = legendsOfView(state.view, {
    heatLossColours: heatLoss.state === 'ready' ? heatLoss.legend.colours : undefined,
  });
  return {
    title: titleOf(state, t),
    subtitleLines,
    legends: legends.map((block) => ({
      title: translateText(block.title, t, language),
      entries: block.entries.map((entry) => ({
        label: translateText(entry.label, t, language),
        color: entry.color,
        symbol: entry.symbol,
      })),
    })),
    sourcesTitle: t('info.sources'),
    sources: sourcesOf(state, t),
    linkTitle: t('viewImage.link'),
    link,
  };
}
