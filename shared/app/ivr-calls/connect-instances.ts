/**
 * Which Amazon Connect instances may open tickets, and for which park: configuration, never the
 * contact flow's word. Deployed as `-c connectInstances='{"arn:aws:connect:…:instance/…":"park-1"}'`
 * (and/or `-c connectInstanceArn=…` for the IVR park), handed to the function as CONNECT_INSTANCES.
 */

/** A Connect instance ARN: `arn:<partition>:connect:<region>:<account>:instance/<id>`. */
export const CONNECT_INSTANCE_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9A-Za-z-]{1,64}$/;

/** A park id as the request schemas take it. */
const PARK_ID = /^[^\s]{1,64}$/;

/**
 * The instance → park map from its JSON text; undefined when the text is not a JSON object of
 * instance ARNs to park ids (the stack refuses to synthesise it; at run time no instance is known).
 */
export function parseConnectInstances(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const map: Record<string, string> = {};
  for (const [arn, park] of Object.entries(value)) {
    if (!CONNECT_INSTANCE_ARN.test(arn) || typeof park !== 'string' || !PARK_ID.test(park)) return undefined;
    map[arn] = park;
  }
  return map;
}

/** The park a contact of this instance is for; undefined for an instance not configured. */
export function parkOfInstance(
  instances: Readonly<Record<string, string>> | undefined,
  instanceArn: string | undefined,
): string | undefined {
  if (!instances || !instanceArn || !Object.hasOwn(instances, instanceArn)) return undefined;
  return instances[instanceArn];
}
