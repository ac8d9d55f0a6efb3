import { describe, expect, it } from 'vitest';
import { storyboardFixture } from '../domain/storyboards/storyboardTestSupport';
import type { WorkshopSnapshot } from '../domain/workshops/workshopProtocol';
import { createTwinStore } from './createTwinStore';
import { testStartView } from './storeTestSupport';

const view = testStartView();

function snapshotAt(stepIndex: number): WorkshopSnapshot {
  return {
    code: 'K7M2QX',
    storyboardId: 'test-story',
    stepIndex,
    participantCount: 1,
    comments: [],
    votes: [],
    ownVotes: {},
    role: 'participant',
  };
}

function participantStore() {
  const store = createTwinStore(view);
  store.getState().setStoryboards([{ file: 'scenes/test.json', storyboard: storyboardFixture() }]);
  store.getState().startWorkshop({
    code: 'K7M2QX',
    role: 'participant',
    secret: 'token-token-token-token',
    displayName: 'Anna',
    participantId: 'p1',
  });
  return store;
}

describe('taking part in a workshop', () => {
  it('a following participant is taken to each step the facilitator shows', () => {
    const store = participantStore();
    store.getState().receiveWorkshopSnapshot(snapshotAt(1));
    expect(store.getState().view).toMatchObject({ storyboardId: 'test-story', storyboardStepIndex: 1 });
    expect(store.getState().workshop?.connection).toBe('online');
  });

  it('looking around freely stays put; following again jumps back to the room', () => {
    const store = participantStore();
    store.getState().receiveWorkshopSnapshot(snapshotAt(0));
    store.getState().setWorkshopFollowing(false);
    store.getState().receiveWorkshopSnapshot(snapshotAt(2));
    expect(store.getState().view.storyboardStepIndex).toBe(0);
    store.getState().setWorkshopFollowing(true);
    expect(store.getState().view.storyboardStepIndex).toBe(2);
  });

  it('keeps the draft comment when the connection drops, and pinning ends with the pin', () => {
    const store = participantStore();
    store.getState().setWorkshopPinning(true);
    store.getState().pinWorkshopDraft({ longitudeDegrees: 7.6, latitudeDegrees: 51.9, heightMeters: 40 });
    store.getState().setWorkshopDraftText('Mehr Bäume');
    store.getState().setWorkshopConnection('offline');
    expect(store.getState().workshopPinning).toBe(false);
    expect(store.getState().workshopDraft).toEqual({
      text: 'Mehr Bäume',
      position: { longitudeDegrees: 7.6, latitudeDegrees: 51.9, heightMeters: 40 },
    });
    expect(store.getState().workshop?.connection).toBe('offline');
  });
});
