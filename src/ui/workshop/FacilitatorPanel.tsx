import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { joinLink } from '../../domain/workshops/workshopProtocol';
import { useTwinStore } from '../../store/StoreContext';
import type { WorkshopSessionState } from '../../store/workshopSlice';
import { WorkshopCommentList } from './WorkshopCommentList';
import { WorkshopStatus } from './WorkshopStatus';
import { WorkshopVoteResults } from './WorkshopVoteResults';
import { downloadWorkshopExport, hideWorkshopComment } from './workshopRequests';

/**
 * The facilitator's side: the join link and its QR code for the big screen, how many joined, comments arriving
 * live (each can be hidden), the votes of the current step, and the exports.
 */
export function FacilitatorPanel({ workshop }: { workshop: WorkshopSessionState }) {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const stepIndex = workshop.snapshot?.stepIndex ?? 0;
  const step = useTwinStore(
    (state) =>
      state.storyboards.find((entry) => entry.storyboard.id === workshop.snapshot?.storyboardId)?.storyboard
        .steps[stepIndex],
  );
  const leaveWorkshop = useTwinStore((state) => state.leaveWorkshop);
  const link = joinLink(window.location.origin, workshop.code);
  const [qrCode, setQrCode] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    // Loaded on demand: only the facilitator's screen draws a QR code.
    void import('qrcode').then(({ toDataURL }) =>
      toDataURL(link, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(
        (url) => current && setQrCode(url),
      ),
    );
    return () => {
      current = false;
    };
  }, [link]);
  const fail = (error: unknown) => setProblem(error instanceof Error ? error.message : String(error));

  return (
    <section
      className="workshop-panel"
      aria-labelledby="workshop-panel-title"
      data-workshop-role="facilitator"
    >
      <h2 id="workshop-panel-title">{t('workshop.facilitatorTitle')}</h2>
      <WorkshopStatus workshop={workshop} />
      <div className="workshop-join-info">
        {qrCode && <img src={qrCode} width={160} height={160} alt={t('workshop.qrAlt', { link })} />}
        <div>
          <p>{t('workshop.joinAt')}</p>
          <p className="workshop-link" data-join-link={link}>
            {link}
          </p>
          <p data-participant-count={workshop.snapshot?.participantCount ?? 0}>
            {t('workshop.participants', { count: workshop.snapshot?.participantCount ?? 0 })}
          </p>
        </div>
      </div>
      {step && (
        <WorkshopVoteResults
          step={step}
          tally={workshop.snapshot?.votes.find((tally) => tally.stepIndex === stepIndex)}
          language={language}
        />
      )}
      <h3>{t('workshop.commentsTitle', { count: workshop.snapshot?.comments.length ?? 0 })}</h3>
      <WorkshopCommentList
        comments={workshop.snapshot?.comments ?? []}
        onToggleHidden={(comment) =>
          void hideWorkshopComment(workshop.code, workshop.secret, comment.id, !comment.hidden).catch(fail)
        }
      />
      {problem && (
        <p role="alert" className="workshop-problem">
          {problem}
        </p>
      )}
      <div className="story-buttons">
        <button
          type="button"
          onClick={() => void downloadWorkshopExport(workshop.code, workshop.secret, 'csv').catch(fail)}
        >
          {t('workshop.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() => void downloadWorkshopExport(workshop.code, workshop.secret, 'geojson').catch(fail)}
        >
          {t('workshop.exportGeoJson')}
        </button>
        <button type="button" onClick={leaveWorkshop}>
          {t('workshop.leave')}
        </button>
      </div>
    </section>
  );
}
