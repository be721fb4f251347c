// The aging basis (due, document or entry date) as a drop-down, for Settings and the sync choice.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { AGING_BASES, type AgingBasis } from '../../core/report-types';
import { useLanguage } from '../state/pane';

export function BasisPicker({ label, value, onChange }: { label: string; value: AgingBasis; onChange: (basis: AgingBasis) => void }) {
  const { t } = useLanguage();
  return (
    <Field label={label}>
      <Dropdown value={t(`basis.${value}`)} selectedOptions={[value]} onOptionSelect={(_, d) => onChange((d.optionValue as AgingBasis | undefined) ?? value)}>
        {AGING_BASES.map((b) => (
          <Option key={b} value={b}>
            {t(`basis.${b}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
