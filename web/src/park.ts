/** The park's time zone (GET /parks/{id}), for times the console sends; the API answers in it already. */
import { useEffect, useState } from 'react';
import { api } from './api/client';

const DEFAULT_ZONE = 'Asia/Shanghai';
const zones = new Map<string, Promise<string>>();

function zoneOf(parkId: string): Promise<string> {
  let zone = zones.get(parkId);
  if (!zone) {
    zone = api
      .GET('/parks/{id}', { params: { path: { id: parkId } } })
      .then(({ data }) => {
        const tz = (data as { timeZone?: unknown } | undefined)?.timeZone;
        return typeof tz === 'string' ? tz : DEFAULT_ZONE;
      })
      .catch(() => DEFAULT_ZONE);
    zones.set(parkId, zone);
  }
  return zone;
}

export function useParkZone(parkId: string | undefined): string {
  const [zone, setZone] = useState(DEFAULT_ZONE);
  useEffect(() => {
    if (parkId) void zoneOf(parkId).then(setZone);
  }, [parkId]);
  return zone;
}
