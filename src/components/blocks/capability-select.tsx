import { useQuery } from '@tanstack/react-query';
import { buildBlockCapabilitiesQuery } from '../../api/blocks.ts';
import { Select } from '../ui/form.tsx';

/** Filter by one capability (what a block can do: `notify`, `read-path`…), from the server's list. */
export function CapabilitySelect({ value, onChange }: { value: string | undefined; onChange: (capability: string | undefined) => void }) {
  const capabilities = useQuery(buildBlockCapabilitiesQuery());
  const list = capabilities.data ?? [];
  return (
    <Select aria-label="Capability" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">Any capability</option>
      {value && !list.includes(value) && <option value={value}>{value}</option>}
      {list.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </Select>
  );
}
