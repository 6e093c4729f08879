/**
 * The queueing engine: pure functions, no I/O. Rates are per second, times in seconds, percentiles in
 * percent (95 = P95). Invalid arguments throw `InputError` (a `RangeError`) with a message that names the argument.
 */
export { erlangB } from './erlangB.js';
export { erlangC } from './erlangC.js';
export { mmc, checkMmc, type MmcParams, type MmcMetrics } from './mmc.js';
export { responseSurvival, waitSurvival, mmcTimeDistribution, type MmcTimeDistribution } from './mmcSurvival.js';
export {
  mmcTimes,
  responseTimePercentile,
  responseTimePercentiles,
  waitPercentile,
  waitPercentiles,
} from './mmcPercentile.js';
export { mmck, type MmckParams, type MmckMetrics } from './mmck.js';
export { brentRoot } from './rootFind.js';
export { sizeServers, type SizeServersInput, type SizeServersResult } from './sizeServers.js';
export { mva, type MvaInput, type MvaStation, type MvaResult, type MvaStationResult } from './mva.js';
export { uslThroughput, uslPeak, type UslParams } from './usl.js';
export { fitUsl, type UslPoint, type UslFit } from './uslFit.js';
