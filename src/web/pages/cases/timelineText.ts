// What a timeline entry says, in words: the event's or change's name and its details.
import type { TFunction } from 'i18next';
import {
  ACTIVITY_KINDS,
  CANCELLED_BY,
  CATEGORIES,
  CLOSE_REASONS,
  CHANGE_KINDS,
  EVENT_TYPES,
  MODES,
  TRACKS,
} from '../../../core/vocabulary.js';
import type { TimelineItem } from '../../api/cases.js';
import { formatIsoDate } from '../../i18n/format.js';
import type { Language } from '../../i18n/languages.js';

const find = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((candidate) => candidate === value);

/** The entry's name: the event type or the kind of change. */
export function entryName(item: TimelineItem, t: TFunction): string {
  if (item.source === 'event') {
    const type = find(EVENT_TYPES, item.type);
    return type === undefined ? item.type : t(`vocabulary.eventType.${type}`);
  }
  const kind = find(CHANGE_KINDS, item.type);
  return kind === undefined ? item.type : t(`vocabulary.changeKind.${kind}`);
}

/** A category or track value named; other values (people's names) as they are. */
function valueName(value: string | boolean | null | undefined, t: TFunction): string {
  if (typeof value !== 'string') return t('common.none');
  const category = find(CATEGORIES, value);
  if (category !== undefined) return t(`vocabulary.category.${category}`);
  const track = find(TRACKS, value);
  if (track !== undefined) return t(`vocabulary.track.${track}`);
  const closeReason = find(CLOSE_REASONS, value);
  if (closeReason !== undefined) return t(`vocabulary.closeReason.${closeReason}`);
  return value;
}

/** The entry's details as short lines. */
export function entryDetails(item: TimelineItem, t: TFunction, language: Language): string[] {
  const d = item.details;
  const lines: string[] = [];
  if (item.source === 'event') {
    if (d.held === true) {
      const mode = find(MODES, d.mode);
      lines.push(
        mode === undefined ? t('timeline.held') : t('timeline.heldAt', { mode: t(`vocabulary.mode.${mode}`) }),
      );
    }
    if (d.held === false) {
      const by = find(CANCELLED_BY, d.cancelled_by);
      lines.push(
        by === undefined ? t('timeline.notHeld') : t('timeline.cancelled', { by: t(`vocabulary.cancelledBy.${by}`) }),
      );
    }
    const kind = find(ACTIVITY_KINDS, d.kind);
    if (kind !== undefined) lines.push(t(`vocabulary.activityKind.${kind}`));
    if (typeof d.end_date === 'string')
      lines.push(t('timeline.endDate', { date: formatIsoDate(d.end_date, language) }));
    if (typeof d.note === 'string' && d.note !== '') lines.push(t('timeline.note', { note: d.note }));
    if (item.voided && typeof d.void_reason === 'string')
      lines.push(t('timeline.voidReason', { reason: d.void_reason }));
    return lines;
  }
  // The registration and break-glass entries carry user ids, not something to show.
  if (item.type === 'closed' && typeof d.to === 'string') lines.push(valueName(d.to, t));
  if (item.type === 'category' || item.type === 'track' || item.type === 'reassigned') {
    lines.push(
      typeof d.from === 'string'
        ? t('timeline.change', { from: valueName(d.from, t), to: valueName(d.to, t) })
        : t('timeline.setTo', { to: valueName(d.to, t) }),
    );
  }
  if (typeof d.reason === 'string' && d.reason !== '') lines.push(t('timeline.reason', { reason: d.reason }));
  return lines;
}

/** The types the timeline can be filtered by, events first. */
export const TIMELINE_FILTERS: readonly string[] = [...EVENT_TYPES, ...CHANGE_KINDS.filter((kind) => kind !== 'note')];
