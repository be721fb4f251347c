// The mapping step for a CSV/XLSX whose columns were not all recognised: the proposed column per
// field (changeable), the side when no column gives it, the first rows, then import; the confirmed
// layout is remembered by its header for the next file.
import { Button, Dropdown, Field, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Side } from '../../core/types';
import type { Mapping } from '../../import/index';
import type { TargetField } from '../../import/tabular/mapping';
import type { TablePreview } from '../../import/tabular/tabular';
import { withColumn } from '../actions/import';
import { useLanguage } from '../state/pane';

const FIELDS: readonly TargetField[] = [
  'ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date', 'due_date', 'amount',
  'debit', 'credit', 'sign', 'currency', 'exchange_rate', 'amount_base', 'settles', 'description', 'open_amount',
  'last_payment_date', 'line_amount', 'status',
];

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingVerticalXS },
  preview: { overflowX: 'auto' },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

interface Props {
  preview: TablePreview;
  proposal: Mapping;
  file: string;
  onApply: (mapping: Mapping) => void;
  onCancel: () => void;
}

function FieldChoice({ field, mapping, headers, onChange }: { field: TargetField; mapping: Mapping; headers: string[]; onChange: (m: Mapping) => void }) {
  const { t } = useLanguage();
  const chosen = mapping.fields[field];
  const missing = mapping.missing.includes(field);
  return (
    <Field label={field} validationState={missing ? 'error' : 'none'}>
      <Dropdown
        data-testid={`map-${field}`}
        value={chosen?.header ?? t('data.mappingNone')}
        selectedOptions={[chosen ? String(chosen.column) : '']}
        onOptionSelect={(_, d) => onChange(withColumn(mapping, headers, field, d.optionValue ? Number(d.optionValue) : null))}
      >
        <Option value="">{t('data.mappingNone')}</Option>
        {headers.map((h, i) => (
          <Option key={i} value={String(i)}>
            {h || `#${i + 1}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function MappingStep({ preview, proposal, file, onApply, onCancel }: Props) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [mapping, setMapping] = useState(proposal);
  const setSide = (side: Side | undefined) => {
    const { side: _old, ...rest } = mapping;
    const next: Mapping = side ? { ...rest, side } : rest;
    setMapping(withColumn(next, preview.headers, 'ledger', mapping.fields.ledger?.column ?? null));
  };
  return (
    <section className={styles.step} data-testid="mapping-step" aria-label={t('data.mapping', { file })}>
      <Text weight="semibold">{t('data.mapping', { file })}</Text>
      <Text size={200}>{t('data.mappingHint')}</Text>
      <div className={styles.fields}>
        {FIELDS.map((f) => (
          <FieldChoice key={f} field={f} mapping={mapping} headers={preview.headers} onChange={setMapping} />
        ))}
        <Field label={t('oi.side')}>
          <Dropdown
            value={mapping.side ? t(`side.${mapping.side}`) : t('data.mappingNone')}
            selectedOptions={[mapping.side ?? '']}
            onOptionSelect={(_, d) => setSide(d.optionValue === 'AR' || d.optionValue === 'AP' ? d.optionValue : undefined)}
          >
            <Option value="">{t('data.mappingNone')}</Option>
            <Option value="AR">{t('side.AR')}</Option>
            <Option value="AP">{t('side.AP')}</Option>
          </Dropdown>
        </Field>
      </div>
      {mapping.missing.length > 0 && <Text className={styles.missing}>{mapping.missing.join(', ')}</Text>}
      <div className={styles.preview}>
        <Table size="extra-small" aria-label={t('data.preview')}>
          <TableHeader>
            <TableRow>
              {preview.headers.map((h, i) => (
                <TableHeaderCell key={i}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rows.slice(0, 5).map((row, r) => (
              <TableRow key={r}>
                {preview.headers.map((_, c) => (
                  <TableCell key={c}>{String(row[c] ?? '')}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div>
        <Button appearance="primary" data-testid="mapping-apply" disabled={mapping.missing.length > 0} onClick={() => onApply(mapping)}>
          {t('data.mappingApply')}
        </Button>{' '}
        <Button onClick={onCancel}>{t('data.cancel')}</Button>
      </div>
    </section>
  );
}
