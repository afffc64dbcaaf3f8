import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CircleAlert, MessageSquareText, Play } from 'lucide-react';
import { buildInputRequestQuery, useResumeWithInput, waitingKeyset, type RunInputKeyset } from '../../api/flow-run-input.ts';
import type { FlowRun } from '../../api/flow-runs.ts';
import { initialValue } from '../../lib/schema-form/defaults.ts';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { SchemaForm, useSchemaForm } from '../schema-form/schema-form.tsx';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Markdown } from '../ui/markdown.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { DateTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';

/** A run paused for input: what it waits for, until when, and the way to answer it. */
export function PausedForInputBanner({ run }: { run: FlowRun }) {
  const [open, setOpen] = useState(false);
  const keyset = waitingKeyset(run);
  if (!keyset) return null;
  const timeout = run.state?.state_details.pause_timeout;
  const suspended = run.state?.state_details.pause_reschedule;
  return (
    <section aria-label="Waiting for input" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-state-paused/40 bg-state-paused/10 px-3 py-2">
      <MessageSquareText className="size-5 shrink-0 text-state-paused" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">This run is waiting for input</p>
        <p className="text-fg-muted">
          {suspended ? 'It was suspended and starts again once resumed.' : 'It continues once resumed.'}
          {timeout && (
            <>
              {' '}It fails if nobody resumes it by <DateTime value={timeout} style="seconds" />.
            </>
          )}
        </p>
      </div>
      <RequireRole role="operator">
        <Button variant="primary" onClick={() => setOpen(true)}>
          <Play aria-hidden="true" />
          Resume…
        </Button>
      </RequireRole>
      <ResumeWithInputDialog run={run} keyset={keyset} open={open} onClose={() => setOpen(false)} />
    </section>
  );
}

/** The input form of a paused run, generated from the schema the flow stored; the server validates again on resume. */
export function ResumeWithInputDialog({ run, keyset, open, onClose }: { run: FlowRun; keyset: RunInputKeyset; open: boolean; onClose: () => void }) {
  const request = useQuery({ ...buildInputRequestQuery(run.id, keyset), enabled: open });
  const formId = useId();
  const reasonId = useId();
  // The form's own state lives in InputForm; the footer's button only needs to know whether it may submit.
  const [status, setStatus] = useState({ reason: '', busy: false });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Resume ${run.name}`}
      wide
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <RequireRole role="operator">
            <Button type="submit" form={formId} variant="primary" disabled={!request.data || Boolean(status.reason) || status.busy} aria-describedby={status.reason ? reasonId : undefined}>
              <Play aria-hidden="true" />
              Resume
            </Button>
          </RequireRole>
        </>
      }
    >
      {request.isError ? (
        <ErrorState error={request.error} onRetry={() => void request.refetch()} title="Could not load what the run asks for" />
      ) : !request.data ? (
        <div aria-busy="true" aria-label="Loading the input form" className="grid gap-2">
          <Skeleton className="w-2/3" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : (
        // Keyed by the run's state: a new pause starts from a fresh form.
        <InputForm key={run.state_id} formId={formId} reasonId={reasonId} run={run} schema={request.data.schema} description={request.data.description} onStatus={setStatus} onDone={onClose} />
      )}
    </Dialog>
  );
}

/** Shown when the flow stored no schema: any JSON object is sent, the server has the last word. */
const ANY_OBJECT: JsonSchema = { type: 'object', title: 'Input' };

interface InputFormProps {
  formId: string;
  reasonId: string;
  run: FlowRun;
  schema: JsonSchema | null;
  description: string | null;
  onStatus: (status: { reason: string; busy: boolean }) => void;
  onDone: () => void;
}

function InputForm({ formId, reasonId, run, schema, description, onStatus, onDone }: InputFormProps) {
  const effective = schema ?? ANY_OBJECT;
  const initial = useMemo(() => initialValue(effective), [effective]);
  const form = useSchemaForm(effective, initial);
  const resume = useResumeWithInput();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // A fresh form is not yet wrong: "Required" shows once the user starts filling it in.
  const [touched, setTouched] = useState(false);
  const shownErrors = useMemo(() => (touched ? form.errors : Object.fromEntries(Object.entries(form.errors).filter(([, m]) => m.some((x) => x !== 'Required')))), [touched, form.errors]);
  const onChange = (value: unknown) => {
    setTouched(true);
    form.setValue(value);
  };
  const busy = checking || resume.isPending;
  useEffect(() => onStatus({ reason: form.reason, busy }), [onStatus, form.reason, busy]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.reason || busy) return;
    setRefusal(null);
    setChecking(true);
    try {
      // Field messages come from the server's check; the resume below checks again and may still refuse.
      if (!(await form.checkOnServer())) return;
      const runInput = (form.value ?? {}) as Record<string, unknown>;
      const result = await resume.mutateAsync({ id: run.id, runInput });
      if (result.status === 'ACCEPT') {
        toast(`Resumed ${run.name}.`);
        onDone();
      } else {
        setRefusal('reason' in result.details && result.details.reason ? result.details.reason : `The server answered ${result.status}.`);
      }
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
    }
  };

  return (
    <form id={formId} onSubmit={(e) => void submit(e)} noValidate aria-label="Run input" className="grid gap-4">
      {description && <Markdown text={description} className="rounded-md border border-border bg-surface px-3 py-2" />}
      {!schema && <p className="text-xs text-fg-muted">The run stored no form for its input: enter it as JSON; the server checks it when you resume.</p>}
      <SchemaForm {...form.props} errors={shownErrors} onChange={onChange} label="Input" />
      {refusal && (
        <p role="alert" className="flex items-start gap-1.5 rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            <span className="font-medium">Not resumed:</span> {refusal}
          </span>
        </p>
      )}
      {form.reason && (
        <p id={reasonId} className={touched ? 'text-xs text-danger' : 'text-xs text-fg-muted'}>
          {form.reason}
        </p>
      )}
      {form.serverNote && <p className="text-xs text-fg-muted">{form.serverNote}</p>}
    </form>
  );
}
