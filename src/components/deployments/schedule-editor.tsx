import { useEffect, useMemo, useState } from 'react';
import type { DeploymentSchedule, ScheduleInput } from '../../api/deployments.ts';
import { buildRRule, defaultRRuleParts, describeCron, describeInterval, describeRRule, INTERVAL_UNITS, intervalParts, intervalSeconds, parseRRule, WEEKDAYS, type IntervalUnit, type RRuleParts } from '../../lib/schedules.ts';
import { wallTime, wallTimeToIso } from '../../lib/zoned-input.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox, Input, Select, Textarea } from '../ui/form.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';
import { SchedulePreview } from './schedule-preview.tsx';
import { ZoneSelect } from './zone-select.tsx';

type Kind = 'cron' | 'interval' | 'rrule';

export interface ScheduleDraft {
  schedule: ScheduleInput;
  active: boolean;
}

/** Waits for typing to pause before a value is used (preview requests). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const WEEKDAY_LABELS: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/**
 * Adds or edits one schedule: cron (with its meaning in words and `day_or`), interval (value
 * and unit, anchor date, zone) or RRULE (a builder for the common cases, or the raw text),
 * with the next 10 runs previewed by the server as you type.
 */
export function ScheduleEditor({ existing, busy, error, onSave, onCancel }: { existing?: DeploymentSchedule; busy: boolean; error: string | null; onSave: (draft: ScheduleDraft) => void; onCancel: () => void }) {
  const userZone = useTimeZone();
  const initial = existing?.schedule;
  const [kind, setKind] = useState<Kind>(initial ? ('cron' in initial ? 'cron' : 'interval' in initial ? 'interval' : 'rrule') : 'cron');
  const [zone, setZone] = useState(initial?.timezone ?? userZone);
  const [active, setActive] = useState(existing?.active ?? true);
  // Cron
  const [cron, setCron] = useState(initial && 'cron' in initial ? initial.cron : '0 9 * * *');
  const [dayOr, setDayOr] = useState(initial && 'cron' in initial ? initial.day_or : true);
  // Interval
  const parts = initial && 'interval' in initial ? intervalParts(initial.interval) : { value: 1, unit: 'hours' as IntervalUnit };
  const [amount, setAmount] = useState(String(parts.value));
  const [unit, setUnit] = useState<IntervalUnit>(parts.unit);
  const [anchor, setAnchor] = useState(() => (initial && 'interval' in initial ? wallTime(Date.parse(initial.anchor_date), initial.timezone ?? 'UTC').slice(0, 16) : ''));
  // RRule
  const initialRRule = initial && 'rrule' in initial ? initial.rrule : buildRRule(defaultRRuleParts(zone, new Date()));
  const [raw, setRaw] = useState(initialRRule);
  const [rruleParts, setRRuleParts] = useState<RRuleParts | null>(() => parseRRule(initialRRule));
  const [rawMode, setRawMode] = useState(() => parseRRule(initialRRule) === null);
  // Preview start ('' = now), wall time in the user's zone.
  const [from, setFrom] = useState('');
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);

  const seconds = Number(amount) > 0 ? intervalSeconds(Number(amount), unit) : NaN;
  const schedule: ScheduleInput | null = useMemo(() => {
    if (kind === 'cron') return cron.trim() ? { cron: cron.trim(), timezone: zone, day_or: dayOr } : null;
    if (kind === 'interval') {
      if (!Number.isFinite(seconds)) return null;
      const anchorIso = anchor ? wallTimeToIso(anchor, zone) : null;
      return { interval: seconds, timezone: zone, ...(anchorIso ? { anchor_date: anchorIso } : {}) };
    }
    const text = rawMode || !rruleParts ? raw : buildRRule(rruleParts);
    return text.trim() ? { rrule: text.trim(), timezone: zone } : null;
  }, [kind, cron, zone, dayOr, seconds, anchor, rawMode, rruleParts, raw]);
  const settled = useSettled(schedule);
  const start = from ? (wallTimeToIso(from, userZone) ?? undefined) : undefined;

  const setParts = (next: RRuleParts) => {
    setRRuleParts(next);
    setRaw(buildRRule(next));
  };
  const description = kind === 'cron' ? describeCron(cron, dayOr) : kind === 'interval' ? (Number.isFinite(seconds) ? describeInterval(seconds) : null) : rruleParts && !rawMode ? describeRRule(rruleParts) : null;
  const incomplete = schedule === null ? (kind === 'interval' ? 'Enter an interval greater than 0' : 'Enter the schedule') : null;
  const blocked = incomplete ?? previewProblem;

  return (
    <section aria-label={existing ? 'Edit schedule' : 'New schedule'} className="grid gap-4 rounded-md border border-accent/40 bg-surface p-3">
      <div role="radiogroup" aria-label="Schedule type" className="flex gap-1">
        {(['cron', 'interval', 'rrule'] as const).map((k) => (
          <Button key={k} role="radio" aria-checked={kind === k} variant={kind === k ? 'primary' : 'secondary'} onClick={() => setKind(k)}>
            {k === 'cron' ? 'Cron' : k === 'interval' ? 'Interval' : 'RRule'}
          </Button>
        ))}
      </div>

      {kind === 'cron' && (
        <div className="grid gap-2">
          <label className="grid gap-1">
            <span className="font-medium">Cron expression</span>
            <Input aria-label="Cron expression" value={cron} onChange={(e) => setCron(e.target.value)} className="w-64 font-mono" placeholder="minute hour day month weekday" />
          </label>
          <p className="text-xs text-fg-muted" aria-live="polite">
            {description ?? 'Five fields: minute, hour, day of month, month, day of week (e.g. 30 2 * * 1-5).'}
          </p>
          <label className="inline-flex items-center gap-2">
            <Checkbox checked={dayOr} onChange={(e) => setDayOr(e.target.checked)} />
            Run when either the day of the month or the weekday matches (day_or)
          </label>
        </div>
      )}

      {kind === 'interval' && (
        <div className="grid gap-2">
          <div className="flex flex-wrap items-end gap-2">
            <label className="grid gap-1">
              <span className="font-medium">Every</span>
              <Input aria-label="Interval" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} className="w-24" />
            </label>
            <Select aria-label="Interval unit" value={unit} onChange={(e) => setUnit(e.target.value as IntervalUnit)}>
              {INTERVAL_UNITS.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {u.unit}
                </option>
              ))}
            </Select>
            {description && <span className="pb-1 text-xs text-fg-muted">{description}</span>}
          </div>
          <label className="grid gap-1">
            <span className="font-medium">Anchor date</span>
            <Input aria-label="Anchor date" type="datetime-local" value={anchor} onChange={(e) => setAnchor(e.target.value)} className="w-56" />
            <span className="text-xs text-fg-muted">Runs line up with this time, in the schedule's zone; empty means now.</span>
          </label>
        </div>
      )}

      {kind === 'rrule' && (
        <div className="grid gap-2">
          <div className="flex items-center gap-2">
            <Button aria-pressed={!rawMode} variant={rawMode ? 'secondary' : 'primary'} disabled={!rruleParts && rawMode && parseRRule(raw) === null} onClick={() => {
              const parsed = parseRRule(raw);
              if (parsed) {
                setRRuleParts(parsed);
                setRawMode(false);
              }
            }}>
              Builder
            </Button>
            <Button aria-pressed={rawMode} variant={rawMode ? 'primary' : 'secondary'} onClick={() => setRawMode(true)}>
              Raw RRULE
            </Button>
            {rawMode && parseRRule(raw) === null && <span className="text-xs text-fg-muted">This rule uses more than the builder offers; edit it as text.</span>}
          </div>
          {!rawMode && rruleParts ? (
            <RRuleBuilder parts={rruleParts} onChange={setParts} />
          ) : (
            <Textarea aria-label="RRULE" rows={3} className="max-w-xl font-mono text-xs" value={raw} onChange={(e) => {
              setRaw(e.target.value);
              setRRuleParts(parseRRule(e.target.value));
            }} />
          )}
          {description && <p className="text-xs text-fg-muted">{description}</p>}
        </div>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          <span className="font-medium">Time zone</span>
          <ZoneSelect label="Schedule time zone" value={zone} onChange={(z) => {
            setZone(z);
            if (rruleParts) setParts({ ...rruleParts, zone: z });
          }} />
        </label>
        <label className="inline-flex items-center gap-2">
          <Checkbox checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active
        </label>
      </div>

      <div className="grid gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium">Next 10 runs</h3>
          <label className="ml-auto flex items-center gap-1.5 text-xs text-fg-muted">
            From
            <Input aria-label="Preview from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className="w-52" />
            <span>{from ? userZone : 'now'}</span>
          </label>
        </div>
        <SchedulePreview schedule={settled} start={start} onProblem={setPreviewProblem} />
      </div>

      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button variant="primary" disabled={busy || blocked !== null} title={blocked ?? undefined} onClick={() => schedule && onSave({ schedule, active })}>
          {busy ? 'Saving…' : existing ? 'Save schedule' : 'Add schedule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}

function RRuleBuilder({ parts, onChange }: { parts: RRuleParts; onChange: (parts: RRuleParts) => void }) {
  const [date, time = '09:00'] = parts.start.split('T');
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid gap-1">
          <span className="font-medium">Repeat</span>
          <Select aria-label="Frequency" value={parts.freq} onChange={(e) => onChange({ ...parts, freq: e.target.value as RRuleParts['freq'], byDay: e.target.value === 'WEEKLY' ? parts.byDay : [], byMonthDay: e.target.value === 'MONTHLY' ? (parts.byMonthDay ?? Number(date.slice(8, 10))) : null })}>
            <option value="DAILY">Daily</option>
            <option value="WEEKLY">Weekly</option>
            <option value="MONTHLY">Monthly</option>
          </Select>
        </label>
        <label className="grid gap-1">
          <span className="text-xs text-fg-muted">every</span>
          <Input aria-label="Repeat every" inputMode="numeric" className="w-16" value={String(parts.interval)} onChange={(e) => Number(e.target.value) >= 1 && onChange({ ...parts, interval: Math.floor(Number(e.target.value)) })} />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">At</span>
          <Input aria-label="Time of day" type="time" value={time.slice(0, 5)} onChange={(e) => e.target.value && onChange({ ...parts, start: `${date}T${e.target.value}` })} />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Starting</span>
          <Input aria-label="Start date" type="date" value={date} onChange={(e) => e.target.value && onChange({ ...parts, start: `${e.target.value}T${time}` })} />
        </label>
        {parts.freq === 'MONTHLY' && (
          <label className="grid gap-1">
            <span className="font-medium">On day</span>
            <Input aria-label="Day of the month" inputMode="numeric" className="w-16" value={String(parts.byMonthDay ?? '')} onChange={(e) => {
              const day = Number(e.target.value);
              if (Number.isInteger(day) && day >= 1 && day <= 31) onChange({ ...parts, byMonthDay: day });
            }} />
          </label>
        )}
      </div>
      {parts.freq === 'WEEKLY' && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 font-medium">On</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="inline-flex items-center gap-1">
              <Checkbox checked={parts.byDay.includes(d)} onChange={(e) => onChange({ ...parts, byDay: e.target.checked ? [...parts.byDay, d] : parts.byDay.filter((x) => x !== d) })} />
              {WEEKDAY_LABELS[d]}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
