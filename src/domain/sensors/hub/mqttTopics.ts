/** Whether an MQTT topic filter (with `+` and `#` wildcards, MQTT 3.1.1 section 4.7) matches a topic name. */
export function topicFilterMatches(filter: string, topic: string): boolean {
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (let index = 0; index < filterLevels.length; index++) {
    const level = filterLevels[index];
    // `#` also matches the parent level itself (`a/#` matches `a`); a shorter topic returned false already.
    if (level === '#') return true;
    if (index >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[index]) return false;
  }
  return filterLevels.length === topicLevels.length;
}

/** Whether a topic filter is well formed: `#` only as the last level, wildcards only as whole levels. */
export function isValidTopicFilter(filter: string): boolean {
  if (filter.length === 0 || filter.length > 1024 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, index) => {
    if (level === '#') return index === levels.length - 1;
    if (level === '+') return true;
    return !level.includes('#') && !level.includes('+');
  });
}

/** Whether some topic matches both filters (e.g. `+/observations/#` and `muenster-twin/#` do). */
export function topicFiltersOverlap(first: string, second: string): boolean {
  const a = first.split('/');
  const b = second.split('/');
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (left === '#' || right === '#') return true;
    if (left === undefined || right === undefined) return false;
    if (left !== '+' && right !== '+' && left !== right) return false;
  }
  return true;
}
