import { useTranslation } from 'react-i18next';
import { useTwinStore } from '../store/StoreContext';

/** Where the camera rests, in plain numbers: for planners, and for anyone who cannot see the 3D view. */
export function CameraStatus() {
  const { t, i18n } = useTranslation();
  const camera = useTwinStore((state) => state.view.camera);
  const format = (value: number, decimals: number) =>
    value.toLocaleString(i18n.language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (
    <p className="camera-status" data-testid="camera-status">
      {t('status.camera', {
        latitude: format(camera.latitudeDegrees, 5),
        longitude: format(camera.longitudeDegrees, 5),
        height: format(camera.heightMeters, 0),
        heading: format(Math.round(camera.headingDegrees) % 360, 0),
        pitch: format(camera.pitchDegrees, 0),
      })}
    </p>
  );
}
