import { describe, expect, it } from 'vitest';
import { isIdFragment, isUuid, matchPages, matchThemes, matchZones, searchText } from './palette.ts';

describe('command palette queries', () => {
  it('recognises full run ids, with or without surrounding spaces', () => {
    expect(isUuid('3f2a9c1b-7d4e-4a1f-9b2c-0123456789ab')).toBe(true);
    expect(isUuid(' 3F2A9C1B-7D4E-4A1F-9B2C-0123456789AB ')).toBe(true);
    expect(isUuid('3f2a9c1b')).toBe(false);
    expect(isUuid('crimson-otter')).toBe(false);
  });

  it('takes four or more hex digits (and dashes) for the start of an id', () => {
    expect(isIdFragment('3f2a')).toBe(true);
    expect(isIdFragment('3F2A9C1B-7d4e')).toBe(true);
    expect(isIdFragment('3f2')).toBe(false);
    expect(isIdFragment('otter')).toBe(false);
  });

  it('searches the trimmed text and nothing for blanks', () => {
    expect(searchText('  otter ')).toBe('otter');
    expect(searchText('   ')).toBeNull();
  });

  it('matches pages by label or path, all of them for an empty query', () => {
    expect(matchPages('pool').map((p) => p.label)).toEqual(['Work Pools']);
    expect(matchPages('concurrency-limits').map((p) => p.id)).toEqual(['concurrency']);
    expect(matchPages('').length).toBeGreaterThan(10);
  });

  it('offers the other themes, by name or by the word theme', () => {
    expect(matchThemes('', 'system')).toEqual(['light', 'dark']);
    expect(matchThemes('dark', 'light')).toEqual(['dark']);
    expect(matchThemes('theme', 'dark')).toEqual(['light', 'system']);
    expect(matchThemes('runs', 'dark')).toEqual([]);
  });

  it('finds time zones by a part of their name, spaces for underscores, never the current one', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];
    expect(matchZones('new york', zones, 'UTC')).toEqual(['America/New_York']);
    expect(matchZones('berlin', zones, 'Europe/Berlin')).toEqual([]);
    expect(matchZones('b', zones, 'UTC')).toEqual([]);
    expect(matchZones('time zone', zones, 'UTC', 2)).toEqual(['America/New_York', 'Europe/Berlin']);
  });
});
