// Every write of the pane to the store goes through here: it is awaited, and when it fails the
// user is told what was not saved and why ("Your note could not be saved: …"); the caller learns
// whether it worked, so a form keeps what was typed when it did not.
import { useCallback } from 'react';
import type { Lang, MessageKey } from '../i18n';
import { reasonOf, useLanguage, useSession } from './pane';

export type WriteKind = 'note' | 'handled' | 'agreement' | 'followUp' | 'followUpDone' | 'partyNote' | 'settings' | 'administration' | 'restore' | 'backup' | 'clear' | 'paymentSelection';

const FAILED: Record<WriteKind, MessageKey> = {
  note: 'write.note',
  handled: 'write.handled',
  agreement: 'write.agreement',
  followUp: 'write.followUp',
  followUpDone: 'write.followUpDone',
  partyNote: 'write.partyNote',
  settings: 'write.settings',
  administration: 'write.administration',
  restore: 'write.restore',
  backup: 'write.backup',
  clear: 'write.clear',
  paymentSelection: 'write.paymentSelection',
};

/** The failure of a write as the user reads it. */
export function writeFailure(t: (key: MessageKey, params: { reason: string }) => string, kind: WriteKind, error: unknown, lang?: Lang): string {
  return t(FAILED[kind], { reason: reasonOf(error, lang).replace(/[.\s]+$/, '') });
}

/** `attempt(kind, job)`: runs the job; null when it was saved, else the sentence saying what was not. */
export function useStoreAttempt(): (kind: WriteKind, job: () => Promise<unknown>) => Promise<string | null> {
  const { t, lang } = useLanguage();
  return useCallback(
    async (kind, job) => {
      try {
        await job();
        return null;
      } catch (error) {
        return writeFailure(t, kind, error, lang);
      }
    },
    [t, lang],
  );
}

/** `write(kind, job)`: runs the job; true when it was saved, false (and the user told) when not. */
export function useStoreWrite(): (kind: WriteKind, job: () => Promise<unknown>) => Promise<boolean> {
  const { notify } = useSession();
  const attempt = useStoreAttempt();
  return useCallback(
    async (kind, job) => {
      const failure = await attempt(kind, job);
      if (failure !== null) notify('error', failure);
      return failure === null;
    },
    [notify, attempt],
  );
}
