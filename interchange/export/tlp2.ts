/**
 * The official TLP 2.0 STIX 2.1 marking-definition objects (OASIS CTI TC, cti-stix-common-objects,
 * "TLP 2.0" extension definition extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d), copied
 * unchanged from shared/refdata/tlp2-markings.json (OASIS; see that file's `_about` for the source
 * commits). Exports reference them through `object_marking_refs` and include them in the bundle.
 */
import type { TlpLevel } from '../../engine/index.ts';

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP2_MARKING_IDS: Record<TlpLevel, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

/** The official marking-definition object of a TLP 2.0 level. */
export function tlpMarkingDefinition(level: TlpLevel): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level.toLowerCase() } },
  };
}
