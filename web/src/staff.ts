/** The park's directory (GET /staff): its answer is untyped in the OpenAPI document, so it is read defensively. */
import { api } from './api/client';

export interface StaffEntry {
  id: string;
  name: string;
  roles: string[];
  department: string;
}

export async function loadStaff(): Promise<StaffEntry[]> {
  const { data } = await api.GET('/staff', {});
  const staff = (data as { staff?: unknown } | undefined)?.staff;
  if (!Array.isArray(staff)) return [];
  return staff.flatMap((s: Record<string, unknown>) =>
    typeof s.id === 'string' && typeof s.name === 'string'
      ? [
          {
            id: s.id,
            name: s.name,
            roles: Array.isArray(s.roles) ? s.roles.map(String) : [],
            department: String(s.department ?? ''),
          },
        ]
      : [],
  );
}
