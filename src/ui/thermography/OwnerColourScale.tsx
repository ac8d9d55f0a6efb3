import { useTranslation } from 'react-i18next';
import type { OwnerRoofImage } from '../../domain/thermography/ownerDocument';
import { thermalColour } from '../../domain/thermography/roofImageCrop';

const STOPS = 9;

/** What the colours of the roof image mean: the fixed temperature scale every owner's image is coloured on. */
export function OwnerColourScale({ image }: { image: OwnerRoofImage }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const gradient = Array.from({ length: STOPS }, (_, index) => {
    const [red, green, blue] = thermalColour(index / (STOPS - 1));
    return `rgb(${red}, ${green}, ${blue}) ${Math.round((index / (STOPS - 1)) * 100)}%`;
  }).join(', ');
  return (
    <section className="owner-colour-scale" aria-labelledby="owner-colours-title">
      <h4 id="owner-colours-title">{t('thermographyOwner.colours.heading')}</h4>
      <div
        className="thermal-scale"
        style={{ background: `linear-gradient(to right, ${gradient})` }}
        aria-hidden="true"
      />
      <p className="thermal-scale-labels">
        <span>{t('thermographyOwner.celsius', { value: number.format(image.scaleMinCelsius) })}</span>
        <span>{t('thermographyOwner.celsius', { value: number.format(image.scaleMaxCelsius) })}</span>
      </p>
      <p>
        {t('thermographyOwner.colours.meaning', {
          min: number.format(image.scaleMinCelsius),
          max: number.format(image.scaleMaxCelsius),
        })}
      </p>
    </section>
  );
}
