import { describe, expect, it } from 'vitest';
import { isValidTopicFilter, topicFilterMatches, topicFiltersOverlap } from './mqttTopics';

describe('topicFilterMatches', () => {
  it.each([
    ['sport/tennis/player1', 'sport/tennis/player1', true],
    ['sport/#', 'sport', true],
    ['sport/#', 'sport/tennis/player1', true],
    ['#', 'muenster-twin/observations/a/pm10', true],
    ['sport/+', 'sport/tennis', true],
    ['sport/+', 'sport/tennis/player1', false],
    ['+/+/+/+', 'muenster-twin/observations/a/pm10', true],
    ['application/+/device/+/event/up', 'application/1/device/abc/event/up', true],
    ['application/+/device/+/event/up', 'application/1/device/abc/event/join', false],
    ['a/b', 'a', false],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicFilterMatches(filter, topic)).toBe(expected);
  });
});

describe('isValidTopicFilter', () => {
  it('accepts wildcards only as whole levels and # only at the end', () => {
    expect(['#', 'a/+/b', 'a/#', 'v1.1/Datastreams(1)/Observations'].every(isValidTopicFilter)).toBe(true);
    expect(['', 'a/#/b', 'a/b#', 'a+/b', 'a\u0000b'].some(isValidTopicFilter)).toBe(false);
  });
});

describe('topicFiltersOverlap', () => {
  it.each([
    ['#', 'muenster-twin/observations/#', true],
    ['+/observations/#', 'muenster-twin/observations/#', true],
    ['muenster-twin/+/x/pm10', 'muenster-twin/observations/#', true],
    ['muenster-twin', 'muenster-twin/observations/#', false],
    ['devices/#', 'muenster-twin/observations/#', false],
    ['a/+', 'a/b/c', false],
  ])('%s and %s: %s', (first, second, expected) => {
    expect(topicFiltersOverlap(first, second)).toBe(expected);
  });
});
