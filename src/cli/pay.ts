// `subledger pay`: not built yet (its issue is open).
import { UsageError, type CliIo } from './io';

export function run(_args: string[], _io: CliIo): Promise<number> {
  return Promise.reject(new UsageError('the pay command is not available yet'));
}
