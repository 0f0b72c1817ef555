/**
 * After-action exports (pure: exercise data in, file text out): ATT&CK Navigator layers, STIX 2.1
 * bundles with TLP 2.0 markings, the MSEL as played (CSV with HSEEP columns), and the helpers they
 * share (wall-clock timestamps from simulated time, deterministic UUIDv5 ids).
 */
export { navigatorLayer, navigatorJson, GRADIENT, LAYER_VERSION, NAVIGATOR_VERSION, type NavigatorLayer, type NavigatorResult, type NavigatorTechnique } from './navigator.ts';
export { stixBundle, stixJson, attackUrl, type StixBundle, type StixObject, type StixOptions, type StixResult } from './stix.ts';
export { inferKind, stixPattern, stixString, type ValueKind } from './stix-patterns.ts';
export { TLP2_EXTENSION_ID, TLP2_MARKING_IDS, tlpMarkingDefinition, type TlpMarkingDefinition } from './tlp2.ts';
export { exerciseClock, isoDate, isoTimestamp, parseIsoDateTime } from '../lib/timestamps.ts';
export { RAMPARTS_NAMESPACE, stixId, uuidV5 } from './uuid.ts';
export { exportPlayedMsel, playedInjects, type PlayedMselOptions } from './msel-played.ts';
export { exportMselCsv } from './msel-csv.ts';
